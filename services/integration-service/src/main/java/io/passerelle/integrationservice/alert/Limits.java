package io.passerelle.integrationservice.alert;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How large what monitoring sends may be: bounded by what the incident service stores and indexes (a fingerprint is a
 * B-tree key; PostgreSQL refuses keys over about 2.7 kB), so that what would fail later is refused at the edge.
 */
public final class Limits {

    public static final int MAX_FINGERPRINT = 128;
    public static final int MAX_ENTRIES = 64;
    public static final int MAX_NAME = 128;
    public static final int MAX_LABEL_VALUE = 1024;
    public static final int MAX_ANNOTATION_VALUE = 4000;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_URL = 2048;

    private Limits() {
    }

    /** @throws IllegalArgumentException naming the field, when the map has too many entries or too long ones */
    public static void bounded(String field, Map<String, String> entries, int maxValue) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(field + " has " + entries.size() + " entries; at most " + MAX_ENTRIES);
        }
        entries.forEach((name, value) -> {
            atMost(field + " name", name, MAX_NAME);
            atMost(field + "." + (name.length() > MAX_NAME ? name.substring(0, 20) + "…" : name), value, maxValue);
        });
    }

    /** @throws IllegalArgumentException naming the field, when the value is longer than {@code max} characters */
    public static void atMost(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most " + max);
        }
    }
}
