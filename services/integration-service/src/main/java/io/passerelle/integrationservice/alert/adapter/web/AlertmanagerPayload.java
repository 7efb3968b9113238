package io.passerelle.integrationservice.alert.adapter.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.alert.Alert;
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

    /** @throws IllegalArgumentException for what the contract refuses outside the alerts */
    AlertmanagerPayload {
        Payloads.checkGroup(alerts, status, groupKey, receiver, externalUrl, groupLabels, commonLabels,
                commonAnnotations);
    }

    record Item(@Nullable String status, @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations, @Nullable String startsAt, @Nullable String endsAt,
            @JsonProperty("generatorURL") @Nullable String generatorUrl, @Nullable String fingerprint) {

        /** @throws IllegalArgumentException naming the field the contract refuses */
        Alert toDomain() {
            Payloads.status(status);
            return new Alert(status, Payloads.orEmpty(labels), Payloads.orEmpty(annotations),
                    Payloads.instant("startsAt", startsAt), Payloads.instant("endsAt", endsAt), generatorUrl,
                    fingerprint);
        }
    }

    /** @throws IllegalArgumentException naming the alert (by its index) and the field that cannot be accepted */
    List<Alert> toDomain() {
        return Payloads.alerts(alerts == null ? List.of() : alerts, Item::toDomain);
    }
}
