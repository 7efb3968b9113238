package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A firing alert as monitoring notified it; Alertmanager repeats the notification while the alert fires. An alert
 * whose labels name no Passerelle service and environment is <em>unattributed</em>: both are null (one without the
 * other counts as neither). Its labels are what known errors may match.
 */
public record FiringAlert(String fingerprint, @Nullable String alertName, @Nullable String service,
        @Nullable String environment, @Nullable String severity, @Nullable String summary, Instant startsAt,
        Map<String, String> labels) {

    public FiringAlert {
        if (service == null || environment == null) {
            service = null;
            environment = null;
        }
        labels = Map.copyOf(labels);
    }

    public boolean attributed() {
        return service != null;
    }

    /**
     * The summary when there is one, else {@code <alertName> on <service>/<environment>}, or
     * {@code <alertName> (unattributed)}; an alert without a name is named by its fingerprint.
     */
    String title() {
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        var name = alertName != null && !alertName.isBlank() ? alertName : "alert " + fingerprint;
        return attributed() ? name + " on " + service + "/" + environment : name + " (unattributed)";
    }
}
