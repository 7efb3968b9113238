package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One alert as monitoring reports it; timestamps that could not be read are absent, and so are Grafana's dashboard and
 * panel links where it has none (Alertmanager never has them). Sizes are bounded here, at the edge ({@link Limits}): an
 * alert that could not become an incident is refused now rather than dead-lettered later.
 */
public record Alert(@Nullable String status, Map<String, String> labels, Map<String, String> annotations,
        @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String generatorUrl,
        @Nullable String fingerprint, @Nullable String dashboardUrl, @Nullable String panelUrl) {

    /** @throws IllegalArgumentException naming the field that is too large */
    public Alert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? null : dashboardUrl;
        panelUrl = panelUrl == null || panelUrl.isBlank() ? null : panelUrl;
        Limits.atMost("fingerprint", fingerprint, Limits.MAX_FINGERPRINT);
        Limits.atMost("generatorURL", generatorUrl, Limits.MAX_URL);
        Limits.atMost("dashboardURL", dashboardUrl, Limits.MAX_URL);
        Limits.atMost("panelURL", panelUrl, Limits.MAX_URL);
        Limits.bounded("labels", labels, Limits.MAX_LABEL_VALUE);
        Limits.bounded("annotations", annotations, Limits.MAX_ANNOTATION_VALUE);
    }

    /** An alert from Alertmanager, which links no dashboard. */
    public Alert(@Nullable String status, Map<String, String> labels, Map<String, String> annotations,
            @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String generatorUrl,
            @Nullable String fingerprint) {
        this(status, labels, annotations, startsAt, endsAt, generatorUrl, fingerprint, null, null);
    }
}
