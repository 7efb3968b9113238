package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A firing alert as monitoring notified it; Alertmanager repeats the notification while the alert fires. Its labels
 * are what known errors may match.
 */
public record FiringAlert(String fingerprint, String alertName, String service, String environment,
        @Nullable String severity, @Nullable String summary, Instant startsAt, Map<String, String> labels) {

    public FiringAlert {
        labels = Map.copyOf(labels);
    }

    /** The summary when there is one, else {@code <alertName> on <service>/<environment>}. */
    String title() {
        return summary != null && !summary.isBlank() ? summary.strip()
                : alertName + " on " + service + "/" + environment;
    }
}
