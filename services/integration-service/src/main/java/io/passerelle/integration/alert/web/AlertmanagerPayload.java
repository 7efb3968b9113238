package io.passerelle.integration.alert.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integration.alert.Alert;
import org.jspecify.annotations.Nullable;

/**
 * Alertmanager's webhook body (v4), only the fields read; the others are tolerated. Null items are refused by the
 * platform's strict JSON ({@code alerts[0] must not be null}).
 */
record AlertmanagerPayload(@Nullable String version, @Nullable List<Item> alerts) {

    record Item(@Nullable String status, @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations, @Nullable String startsAt, @Nullable String endsAt,
            @JsonProperty("generatorURL") @Nullable String generatorUrl, @Nullable String fingerprint) {

        Alert toDomain() {
            return new Alert(status, labels == null ? Map.of() : labels,
                    annotations == null ? Map.of() : annotations, instant(startsAt), instant(endsAt), generatorUrl,
                    fingerprint);
        }
    }

    /** @throws IllegalArgumentException naming the alert (by its index) and the field that cannot be accepted */
    List<Alert> toDomain() {
        if (alerts == null) {
            return List.of();
        }
        var domain = new ArrayList<Alert>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            try {
                domain.add(alerts.get(i).toDomain());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("alerts[" + i + "]." + e.getMessage(), e);
            }
        }
        return domain;
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
