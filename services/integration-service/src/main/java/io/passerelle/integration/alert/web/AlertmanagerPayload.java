package io.passerelle.integration.alert.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integration.alert.Alert;
import org.jspecify.annotations.Nullable;

/** Alertmanager's webhook body (v4), only the fields read; the others are tolerated. */
record AlertmanagerPayload(@Nullable String version, @Nullable List<Item> alerts) {

    record Item(@Nullable String status, @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations, @Nullable String startsAt, @Nullable String endsAt,
            @JsonProperty("generatorURL") @Nullable String generatorUrl, @Nullable String fingerprint) {

        Alert toDomain() {
            return new Alert(status, present(labels), present(annotations), instant(startsAt), instant(endsAt),
                    generatorUrl, fingerprint);
        }
    }

    private static Map<String, String> present(@Nullable Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        var present = new java.util.HashMap<String, String>();
        values.forEach((name, value) -> {
            if (name != null && value != null) {
                present.put(name, value);
            }
        });
        return present;
    }

    List<Alert> toDomain() {
        return alerts == null ? List.of() : alerts.stream().map(Item::toDomain).toList();
    }

    /** An unreadable timestamp makes the alert lack it (and be skipped if its status needs it), not the batch fail. */
    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
