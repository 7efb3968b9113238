package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.delivery.port.IncidentCauses;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * incident-service's events in release-service: an incident opened on an environment stops the releases soaking there
 * before their promotion (an unattributed incident, from an alert that named no Passerelle service and environment,
 * stops nothing); a deployment confirmed as an incident's cause, and the incident's resolution, are kept for
 * the DORA figures (the {@code delivery} feature's {@link IncidentCauses}). A type has one handler per service: what
 * else an event does here goes in the same method.
 */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final PromoteRelease promotion;
    private final IncidentCauses causes;

    IncidentEventHandlers(PromoteRelease promotion, IncidentCauses causes) {
        this.promotion = promotion;
        this.causes = causes;
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

    /** The deployment counts as a change failure, recovered when the last of its incidents is resolved. */
    @HandlesEvent("incident.cause-confirmed.v1")
    void onCauseConfirmed(CauseConfirmed data) {
        if (causes.confirmed(data.incidentId(), data.deploymentId(), data.confirmedAt())) {
            log.info("Deployment {} caused incident {}: a change failure", data.deploymentId(), data.incidentId());
        }
    }

    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved data) {
        causes.resolved(data.incidentId(), data.resolvedAt());
    }

    /** Our copy of the fields we read, here and below; no service means unattributed. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            Instant openedAt) {
    }

    record CauseConfirmed(UUID incidentId, UUID deploymentId, Instant confirmedAt) {
    }

    record IncidentResolved(UUID incidentId, Instant resolvedAt) {
    }
}
