package io.passerelle.integrationservice.alert;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;

/**
 * Which service and environment an alert is about: the values its source's {@link LabelRules} read, when they name a
 * service in the catalog (the projection of {@code service.registered.v1}) and one of that service's environments
 * (ignoring case; given as the catalog names it). Anything else is unattributed: the alert still becomes an event,
 * without service and environment.
 */
public final class Attribution {

    /** A service catalogued before its environments were kept here accepts any Passerelle name. */
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private final Map<Source, LabelRules> rules;
    private final CatalogedServices catalog;

    public Attribution(Map<Source, LabelRules> rules, CatalogedServices catalog) {
        this.rules = new EnumMap<>(rules);
        this.catalog = catalog;
        for (var source : Source.values()) {
            if (!this.rules.containsKey(source)) {
                throw new IllegalArgumentException("no label rules for " + source.wireName());
            }
        }
    }

    /** The service and environment the labels name, both known; empty when the alert is unattributed. */
    public Optional<Attributed> of(Source source, Map<String, String> labels) {
        var rule = rules.get(source);
        var service = rule.service(labels);
        var environment = rule.environment(labels);
        if (service == null || environment == null) {
            return Optional.empty();
        }
        return catalog.byName(service).flatMap(known -> known.environments().isEmpty()
                ? Optional.of(environment).filter(e -> NAME.matcher(e).matches())
                : known.environment(environment)).map(e -> new Attributed(service, e));
    }

    /** A service and one of its environments, as the catalog names them. */
    public record Attributed(String service, String environment) {
    }
}
