package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** An incident opened on an environment stops the releases soaking there before their promotion. */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final PromoteRelease promotion;

    IncidentEventHandlers(PromoteRelease promotion) {
        this.promotion = promotion;
    }

    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened data, InboundEvent event) {
        int stopped = promotion.incidentOpened(new OpenedIncident(data.incidentId(), data.service(),
                data.environment(), data.title(), data.openedAt()));
        if (stopped > 0) {
            log.info("Incident {} on {}/{} stopped {} soaking promotion(s)", data.incidentId(), data.service(),
                    data.environment(), stopped);
        }
    }

    /** Our copy of the fields we read. */
    record IncidentOpened(UUID incidentId, String service, String environment, String title, Instant openedAt) {
    }
}
