package io.passerelle.integrationservice.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an alert comes from: each source has its webhook, its payload version and its own label rules; the wire name
 * travels in the events' {@code source}.
 */
public enum Source {

    ALERTMANAGER("4"),
    GRAFANA("1"),
    /** {@code incident.detected} / {@code incident.resolved} of a registered CDEvents sender (CDEvents v0.5.1). */
    CDEVENTS("0.5.1");

    private final String version;

    Source(String version) {
        this.version = version;
    }

    /** The webhook payload version this source sends and Passerelle reads. */
    public String version() {
        return version;
    }

    /** {@code alertmanager}, {@code grafana}, {@code cdevents}: in events, configuration and paths. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Source> named(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
