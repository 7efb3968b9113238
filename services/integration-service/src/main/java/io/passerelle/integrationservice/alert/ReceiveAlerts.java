package io.passerelle.integrationservice.alert;

import java.util.List;

import io.passerelle.integrationservice.alert.Attribution.Attributed;
import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Turns a notification of a monitoring source into one event per alert: firing → {@link AlertFired}, resolved →
 * {@link AlertResolved}, with the service and environment the labels name ({@link Attribution}) or, when they name none
 * Passerelle knows, unattributed. An alert is skipped only when it cannot be read: no fingerprint, a status other than
 * firing or resolved, or no timestamp for its status ({@code startsAt} firing, {@code endsAt} resolved). Runs in the
 * caller's transaction (the events go to the outbox).
 */
public final class ReceiveAlerts {

    private final Attribution attribution;
    private final EventPublisher events;

    public ReceiveAlerts(Attribution attribution, EventPublisher events) {
        this.attribution = attribution;
        this.events = events;
    }

    /** @throws IllegalArgumentException for a payload version the source does not send; nothing is published */
    public Receipt receive(Source source, @Nullable String version, List<Alert> alerts) {
        if (!source.version().equals(version)) {
            throw new IllegalArgumentException("version '" + version + "' of the " + source.wireName()
                    + " webhook is not supported (only '" + source.version() + "')");
        }
        int accepted = 0;
        int unattributed = 0;
        for (var alert : alerts) {
            var published = publish(source, alert);
            if (published != Published.NOTHING) {
                accepted++;
            }
            if (published == Published.UNATTRIBUTED) {
                unattributed++;
            }
        }
        return new Receipt(accepted, unattributed, alerts.size() - accepted, false);
    }

    private enum Published { ATTRIBUTED, UNATTRIBUTED, NOTHING }

    private Published publish(Source source, Alert alert) {
        var fingerprint = alert.fingerprint();
        boolean firing = "firing".equals(alert.status()) && alert.startsAt() != null;
        boolean resolved = "resolved".equals(alert.status()) && alert.endsAt() != null;
        if (fingerprint == null || fingerprint.isBlank() || !(firing || resolved)) {
            return Published.NOTHING;
        }
        var to = attribution.of(source, alert.labels()).orElse(null);
        var alertName = alert.labels().get("alertname");
        if (firing) {
            events.publish(new AlertFired(fingerprint, alertName, service(to), environment(to),
                    alert.labels().get("severity"), alert.annotations().get("summary"), alert.startsAt(),
                    alert.generatorUrl(), alert.labels(), source.wireName(), alert.dashboardUrl(), alert.panelUrl()));
        } else {
            events.publish(new AlertResolved(fingerprint, alertName, service(to), environment(to), alert.startsAt(),
                    alert.endsAt(), source.wireName()));
        }
        return to == null ? Published.UNATTRIBUTED : Published.ATTRIBUTED;
    }

    private static @Nullable String service(@Nullable Attributed to) {
        return to == null ? null : to.service();
    }

    private static @Nullable String environment(@Nullable Attributed to) {
        return to == null ? null : to.environment();
    }
}
