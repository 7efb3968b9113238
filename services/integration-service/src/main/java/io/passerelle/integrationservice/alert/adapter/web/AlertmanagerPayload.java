package io.passerelle.integrationservice.alert.adapter.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.alert.Alert;
import io.passerelle.integrationservice.alert.Limits;
import io.passerelle.platform.web.StrictDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Alertmanager's webhook body (v4). Every field the contract declares is bound (strictly typed, sizes checked) even
 * where only {@code version} and {@code alerts} are used, so that a malformed notification is refused whole; fields
 * Alertmanager may add later are tolerated. Null items are refused by the platform's strict JSON.
 */
record AlertmanagerPayload(@Nullable String version, @Nullable String groupKey, @Nullable Integer truncatedAlerts,
        @Nullable String status, @Nullable String receiver, @Nullable Map<String, String> groupLabels,
        @Nullable Map<String, String> commonLabels, @Nullable Map<String, String> commonAnnotations,
        @JsonProperty("externalURL") @Nullable String externalUrl, @Nullable List<Item> alerts) {

    private static final Set<String> STATUSES = Set.of("firing", "resolved");

    /** @throws IllegalArgumentException for what the contract refuses outside the alerts */
    AlertmanagerPayload {
        if (alerts == null) {
            throw new IllegalArgumentException("alerts is required");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be firing or resolved");
        }
        Limits.atMost("groupKey", groupKey, Limits.MAX_TEXT);
        Limits.atMost("receiver", receiver, Limits.MAX_TEXT);
        Limits.atMost("externalURL", externalUrl, Limits.MAX_URL);
        Limits.bounded("groupLabels", groupLabels == null ? Map.of() : groupLabels, Limits.MAX_LABEL_VALUE);
        Limits.bounded("commonLabels", commonLabels == null ? Map.of() : commonLabels, Limits.MAX_LABEL_VALUE);
        Limits.bounded("commonAnnotations", commonAnnotations == null ? Map.of() : commonAnnotations,
                Limits.MAX_ANNOTATION_VALUE);
    }

    record Item(@Nullable String status, @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations, @Nullable String startsAt, @Nullable String endsAt,
            @JsonProperty("generatorURL") @Nullable String generatorUrl, @Nullable String fingerprint) {

        /** @throws IllegalArgumentException naming the field the contract refuses */
        Alert toDomain() {
            if (status != null && !STATUSES.contains(status)) {
                throw new IllegalArgumentException("status must be firing or resolved");
            }
            return new Alert(status, labels == null ? Map.of() : labels,
                    annotations == null ? Map.of() : annotations, instant("startsAt", startsAt), instant("endsAt", endsAt), generatorUrl,
                    fingerprint);
        }
    }

    /** @throws IllegalArgumentException naming the alert (by its index) and the field that cannot be accepted */
    List<Alert> toDomain() {
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

    /**
     * A timestamp is an RFC 3339 date-time as everywhere else in Passerelle; one that is not is refused here (it used
     * to pass as {@code +10000-…} and fail in the incident service's consumer).
     */
    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return StrictDateTime.parse(value).toInstant();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage(), e);
        }
    }
}
