package io.passerelle.integrationservice.alert;

import java.util.List;
import java.util.regex.Pattern;

import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Turns an Alertmanager notification (webhook version 4) into one event per alert: firing → {@link AlertFired},
 * resolved → {@link AlertResolved}. An alert is skipped when it lacks a fingerprint, a service or environment label
 * (or one that is not a Passerelle name), or the timestamp its status needs. Runs in the caller's transaction (the
 * events go to the outbox).
 */
public final class ReceiveAlerts {

    static final String SUPPORTED_VERSION = "4";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private final AlertLabels names;
    private final EventPublisher events;

    public ReceiveAlerts(AlertLabels names, EventPublisher events) {
        this.names = names;
        this.events = events;
    }

    public Receipt receive(@Nullable String version, List<Alert> alerts) {
        if (!SUPPORTED_VERSION.equals(version)) {
            throw new IllegalArgumentException("Alertmanager webhook version '" + version + "' is not supported (only '"
                    + SUPPORTED_VERSION + "')");
        }
        int accepted = 0;
        for (var alert : alerts) {
            if (publish(alert)) {
                accepted++;
            }
        }
        return new Receipt(accepted, alerts.size() - accepted);
    }

    private boolean publish(Alert alert) {
        var service = name(alert.labels().get(names.service()));
        var environment = name(alert.labels().get(names.environment()));
        var fingerprint = alert.fingerprint();
        if (service == null || environment == null || fingerprint == null || fingerprint.isBlank()) {
            return false;
        }
        var alertName = alert.labels().get("alertname");
        if ("firing".equals(alert.status()) && alert.startsAt() != null) {
            events.publish(new AlertFired(fingerprint, alertName, service, environment, alert.labels().get("severity"),
                    alert.annotations().get("summary"), alert.startsAt(), alert.generatorUrl(), alert.labels()));
            return true;
        }
        if ("resolved".equals(alert.status()) && alert.endsAt() != null) {
            events.publish(new AlertResolved(fingerprint, alertName, service, environment, alert.startsAt(),
                    alert.endsAt()));
            return true;
        }
        return false;
    }

    private static @Nullable String name(@Nullable String value) {
        return value != null && NAME.matcher(value).matches() ? value : null;
    }
}
