package io.passerelle.incidentservice.incident.adapter.messaging;

import java.time.Instant;
import java.util.Map;

import io.passerelle.incidentservice.incident.FiringAlert;
import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Monitoring's alerts, as integration-service relays them (Alertmanager, Grafana), open and resolve incidents. */
@Component
class AlertEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(AlertEventHandlers.class);

    private final OpenIncident openIncident;
    private final ResolveIncident resolveIncident;

    AlertEventHandlers(OpenIncident openIncident, ResolveIncident resolveIncident) {
        this.openIncident = openIncident;
        this.resolveIncident = resolveIncident;
    }

    /**
     * A firing alert opens an incident (unattributed when it names no service and environment), or counts as one
     * more occurrence of the open one with its fingerprint; a late notification of a firing already resolved is
     * ignored.
     */
    @HandlesEvent("alert.fired.v1")
    void onFired(AlertFired fired, InboundEvent event) {
        var alert = fired.alert();
        // the notification's time: when integration-service received it from Alertmanager
        if (openIncident.onAlert(alert, event.time()) == OpenIncident.Outcome.ALREADY_RESOLVED) {
            log.info("Alert {} that fired at {} was already resolved: a late notification, ignored",
                    alert.fingerprint(), alert.startsAt());
        }
    }

    /**
     * A cleared alert resolves the open incident with its fingerprint, whatever its open state; with none open there is
     * nothing to do.
     */
    @HandlesEvent("alert.resolved.v1")
    void onResolved(AlertResolved cleared) {
        if (resolveIncident.onAlertCleared(cleared.fingerprint(), cleared.endsAt())
                == ResolveIncident.Outcome.NONE_OPEN) {
            log.info("Alert {} cleared with no open incident; ignored", cleared.fingerprint());
        }
    }

    /**
     * Our own reading of alert.fired.v1 data: only the fields we use. Service and environment are absent when the
     * alert's labels name no Passerelle service and environment (an unattributed alert).
     */
    record AlertFired(String fingerprint, @Nullable String alertName, @Nullable String service,
            @Nullable String environment, @Nullable String severity, @Nullable String summary, Instant startsAt,
            @Nullable Map<String, String> labels) {

        FiringAlert alert() {
            return new FiringAlert(fingerprint, alertName, service, environment, severity, summary, startsAt,
                    labels == null ? Map.of() : labels);
        }
    }

    /** Our own reading of alert.resolved.v1 data: only the fields we use. */
    record AlertResolved(String fingerprint, Instant endsAt) {
    }
}
