package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An incident opened on an environment stops the releases soaking there before their promotion; an unattributed
 * incident (an alert that named no Passerelle service and environment) stops nothing.
 */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final PromoteRelease promotion;

    IncidentEventHandlers(PromoteRelease promotion) {
        this.promotion = promotion;
    }

    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened data, InboundEvent event) {
        if (data.service() == null || data.environment() == null) {
            log.info("Incident {} is unattributed: no soaking promotion stops", data.incidentId());
            return;
        }
        int stopped = promotion.incidentOpened(new OpenedIncident(data.incidentId(), data.service(),
                data.environment(), data.title(), data.openedAt()));
        if (stopped > 0) {
            log.info("Incident {} on {}/{} stopped {} soaking promotion(s)", data.incidentId(), data.service(),
                    data.environment(), stopped);
        }
    }

    /** Our copy of the fields we read; no service means unattributed. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            Instant openedAt) {
    }
}
