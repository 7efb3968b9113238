package io.passerelle.incident.incident.messaging;

import io.passerelle.incident.incident.OpenIncident;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A firing alert opens an incident, or counts as one more occurrence of the open one with its fingerprint; a late
 * notification of a firing already resolved is ignored.
 */
@Component
class AlertFiredHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertFiredHandler.class);

    private final OpenIncident openIncident;

    AlertFiredHandler(OpenIncident openIncident) {
        this.openIncident = openIncident;
    }

    @Override
    public String type() {
        return "alert.fired.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var alert = event.dataAs(AlertFired.class).alert();
        // the notification's time: when integration-service received it from Alertmanager
        if (openIncident.onAlert(alert, event.time()).isEmpty()) {
            log.info("Alert {} that fired at {} was already resolved: a late notification, ignored",
                    alert.fingerprint(), alert.startsAt());
        }
    }
}
