package io.passerelle.incidentservice.problem;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What an incident must show for a known error to be suggested to it: all that is named, and at least one thing —
 * the incident's service, its alert's name, labels its alert carries with exactly these values. An incident the
 * service desk logged has no alert name and no labels: only a match that names neither can fit it.
 */
public record KnownErrorMatch(@Nullable String service, @Nullable String alertName, Map<String, String> labels) {

    static final int MAX_LABELS = 20;
    static final int MAX_LABEL_NAME = 128;
    static final int MAX_LABEL_VALUE = 1024;
    static final int MAX_ALERT_NAME = 200;

    public KnownErrorMatch {
        labels = new TreeMap<>(labels); // sorted: the same labels read, store and publish the same way
        if (service == null && alertName == null && labels.isEmpty()) {
            throw new IllegalArgumentException(
                    "match must name a service, an alert name or labels: a known error that matches everything is refused");
        }
        if (alertName != null && (alertName.isBlank() || alertName.length() > MAX_ALERT_NAME)) {
            throw new IllegalArgumentException("match.alertName must have 1 to " + MAX_ALERT_NAME + " characters");
        }
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException("match.labels may name at most " + MAX_LABELS + " labels");
        }
        labels.forEach((name, value) -> {
            if (name.isEmpty() || name.length() > MAX_LABEL_NAME) {
                throw new IllegalArgumentException("match.labels: a label name must have 1 to " + MAX_LABEL_NAME
                        + " characters");
            }
            if (value.length() > MAX_LABEL_VALUE) {
                throw new IllegalArgumentException("match.labels." + name + " must have at most " + MAX_LABEL_VALUE
                        + " characters");
            }
        });
        labels = java.util.Collections.unmodifiableMap(labels);
    }

    /** Whether an incident of that service, with an alert of that name and those labels, shows all this names. */
    public boolean matches(@Nullable String incidentService, @Nullable String incidentAlertName,
            Map<String, String> alertLabels) {
        return (service == null || service.equals(incidentService))
                && (alertName == null || alertName.equals(incidentAlertName))
                && labels.entrySet().stream().allMatch(l -> l.getValue().equals(alertLabels.get(l.getKey())));
    }

    /** How many things it names (each label counts): a match that names more is the more specific. */
    public int specificity() {
        return (service == null ? 0 : 1) + (alertName == null ? 0 : 1) + labels.size();
    }
}
