package io.passerelle.integrationservice.alert.adapter.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.alert.Alert;
import org.jspecify.annotations.Nullable;

/**
 * Grafana Alerting's webhook body (version "1": Alertmanager's fields, and per alert the silence, dashboard and panel
 * links, the evaluated values and an image; for the group a title, a state and a message). What Passerelle reads or
 * stores is bound strictly and bounded as Alertmanager's is; what only people read ({@code title}, {@code message},
 * {@code valueString}, the silence and image links) is only typed, the body size bounds it; fields Grafana adds later
 * ({@code ruleUID}, {@code enrichments}, …) are tolerated. A firing alert's {@code endsAt} is
 * {@code 0001-01-01T00:00:00Z}.
 */
record GrafanaPayload(@Nullable String version, @Nullable String groupKey, @Nullable Integer truncatedAlerts,
        @Nullable Long orgId, @Nullable String status, @Nullable String receiver,
        @Nullable Map<String, String> groupLabels, @Nullable Map<String, String> commonLabels,
        @Nullable Map<String, String> commonAnnotations, @JsonProperty("externalURL") @Nullable String externalUrl,
        @Nullable String title, @Nullable String state, @Nullable String message, @Nullable List<Item> alerts) {

    /** @throws IllegalArgumentException for what the contract refuses outside the alerts */
    GrafanaPayload {
        Payloads.checkGroup(alerts, status, groupKey, receiver, externalUrl, groupLabels, commonLabels,
                commonAnnotations);
    }

    record Item(@Nullable String status, @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations, @Nullable String startsAt, @Nullable String endsAt,
            @JsonProperty("generatorURL") @Nullable String generatorUrl, @Nullable String fingerprint,
            @JsonProperty("silenceURL") @Nullable String silenceUrl,
            @JsonProperty("dashboardURL") @Nullable String dashboardUrl,
            @JsonProperty("panelURL") @Nullable String panelUrl, @Nullable Map<String, Double> values,
            @Nullable String valueString, @JsonProperty("imageURL") @Nullable String imageUrl) {

        /** @throws IllegalArgumentException naming the field the contract refuses */
        Alert toDomain() {
            Payloads.status(status);
            return new Alert(status, Payloads.orEmpty(labels), Payloads.orEmpty(annotations),
                    Payloads.instant("startsAt", startsAt), Payloads.instant("endsAt", endsAt), generatorUrl,
                    fingerprint, dashboardUrl, panelUrl);
        }
    }

    /** @throws IllegalArgumentException naming the alert (by its index) and the field that cannot be accepted */
    List<Alert> toDomain() {
        return Payloads.alerts(alerts == null ? List.of() : alerts, Item::toDomain);
    }
}
