package io.passerelle.incident.incident.messaging;

import io.passerelle.incident.incident.ResolveIncident;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A cleared alert resolves the open incident with its fingerprint; with none open there is nothing to do. */
@Component
class AlertResolvedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertResolvedHandler.class);

    private final ResolveIncident resolveIncident;

    AlertResolvedHandler(ResolveIncident resolveIncident) {
        this.resolveIncident = resolveIncident;
    }

    @Override
    public String type() {
        return "alert.resolved.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var cleared = event.dataAs(AlertResolved.class);
        if (resolveIncident.onAlertCleared(cleared.fingerprint(), cleared.endsAt()).isEmpty()) {
            log.info("Alert {} cleared with no open incident; ignored", cleared.fingerprint());
        }
    }
}
