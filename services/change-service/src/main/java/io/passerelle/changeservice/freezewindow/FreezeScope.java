package io.passerelle.changeservice.freezewindow;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a freeze window covers: some services, some environments, or both (a change is covered when its service is
 * one of the services and its environment one of the environments); an empty set means every service, or every
 * environment. Both empty: everything.
 */
public record FreezeScope(Set<String> services, Set<String> environments) {

    public static final FreezeScope EVERYTHING = new FreezeScope(Set.of(), Set.of());
    public static final int MAX_NAMES = 100;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public FreezeScope {
        services = names("services", services);
        environments = names("environments", environments);
    }

    public static FreezeScope of(Collection<String> services, Collection<String> environments) {
        return new FreezeScope(Set.copyOf(services), Set.copyOf(environments));
    }

    /** Whether a change to the service in the environment is covered. */
    public boolean covers(String service, String environment) {
        return (services.isEmpty() || services.contains(service))
                && (environments.isEmpty() || environments.contains(environment));
    }

    /** Whether some service in some environment is covered by both scopes. */
    public boolean intersects(FreezeScope other) {
        return meet(services, other.services) && meet(environments, other.environments);
    }

    private static boolean meet(Set<String> some, Set<String> other) {
        return some.isEmpty() || other.isEmpty() || !Collections.disjoint(some, other);
    }

    @Override
    public String toString() {
        return (services.isEmpty() ? "every service" : "services " + String.join(", ", services))
                + (environments.isEmpty() ? " in every environment" : " in " + String.join(", ", environments));
    }

    /** Sorted, so that stores, events and messages list them the same way every time. */
    private static Set<String> names(String what, Set<String> names) {
        if (names.size() > MAX_NAMES) {
            throw new IllegalArgumentException("a freeze window names at most " + MAX_NAMES + " " + what);
        }
        for (var name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + " must be catalog names (lower case letters, digits and"
                        + " dashes, at most 63 characters): '" + name + "' is not");
            }
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
