package io.passerelle.changeservice.catalog;

import java.util.Collection;
import java.util.stream.Stream;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.catalog.port.Services;
import io.passerelle.platform.domain.RuleViolationException;

/**
 * Checks that what a change manager names (in a freeze window's scope, a template's conditions) exists in the catalog
 * projection: a service registered, an environment some service has.
 */
public class CatalogNames {

    private final Services services;
    private final Environments environments;

    public CatalogNames(Services services, Environments environments) {
        this.services = services;
        this.environments = environments;
    }

    /** Refuses (422), naming each, services or environments the catalog does not know. */
    public void requireKnown(Collection<String> serviceNames, Collection<String> environmentNames) {
        var unknown = Stream.concat(
                serviceNames.stream().sorted().filter(s -> !services.registered(s)).map(s -> "service " + s),
                environmentNames.stream().sorted().filter(e -> !environments.known(e)).map(e -> "environment " + e))
                .toList();
        if (!unknown.isEmpty()) {
            throw RuleViolationException.unprocessable("The catalog knows no " + String.join(", no ", unknown));
        }
    }
}
