package io.passerelle.integration.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One alert as monitoring reports it; timestamps that could not be read are absent. Sizes are bounded here, at the
 * edge, by what the incident service stores and indexes (a fingerprint is a B-tree key; PostgreSQL refuses keys over
 * about 2.7 kB): an alert that could not become an incident is refused now rather than dead-lettered later.
 */
public record Alert(@Nullable String status, Map<String, String> labels, Map<String, String> annotations,
        @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String generatorUrl,
        @Nullable String fingerprint) {

    static final int MAX_FINGERPRINT = 128;
    static final int MAX_ENTRIES = 64;
    static final int MAX_NAME = 128;
    static final int MAX_LABEL_VALUE = 1024;
    static final int MAX_ANNOTATION_VALUE = 4000;
    static final int MAX_URL = 2048;

    /** @throws IllegalArgumentException naming the field that is too large */
    public Alert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        atMost("fingerprint", fingerprint, MAX_FINGERPRINT);
        atMost("generatorURL", generatorUrl, MAX_URL);
        bounded("labels", labels, MAX_LABEL_VALUE);
        bounded("annotations", annotations, MAX_ANNOTATION_VALUE);
    }

    private static void bounded(String field, Map<String, String> entries, int maxValue) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(field + " has " + entries.size() + " entries; at most " + MAX_ENTRIES);
        }
        entries.forEach((name, value) -> {
            atMost(field + " name", name, MAX_NAME);
            atMost(field + "." + (name.length() > MAX_NAME ? name.substring(0, 20) + "…" : name), value, maxValue);
        });
    }

    private static void atMost(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most " + max);
        }
    }
}
