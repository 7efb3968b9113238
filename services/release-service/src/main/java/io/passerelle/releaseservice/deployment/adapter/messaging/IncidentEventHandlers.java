package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.delivery.port.IncidentCauses;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.ProposeRollback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * incident-service's events in release-service: an incident opened on an environment stops the releases soaking there
 * before their promotion, and a P1 may ask for the rollback of the deployment that finished there just before it (the
 * environment's incident rollback policy); an unattributed incident, from an alert that named no Passerelle service
 * and environment, does neither. A deployment confirmed as an incident's cause is kept for the DORA figures (the
 * {@code delivery} feature's {@link IncidentCauses}, with the incident's resolution) and rolled back, or the incident
 * is told why not. A type has one handler per service: what else an event does here goes in the same method.
 */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final PromoteRelease promotion;
    private final IncidentCauses causes;
    private final ProposeRollback rollbacks;

    IncidentEventHandlers(PromoteRelease promotion, IncidentCauses causes, ProposeRollback rollbacks) {
        this.promotion = promotion;
        this.causes = causes;
        this.rollbacks = rollbacks;
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
        if (data.priority() != null && data.startedAt() != null) {
            log(rollbacks.incidentOpened(new ProposeRollback.NewIncident(data.incidentId(), data.service(),
                    data.environment(), data.priority(), data.startedAt())), data.incidentId(), event);
        }
    }

    /**
     * The deployment counts as a change failure, recovered when the last of its incidents is resolved; and its
     * emergency rollback is proposed, or declined with the reason.
     */
    @HandlesEvent("incident.cause-confirmed.v1")
    void onCauseConfirmed(CauseConfirmed data, InboundEvent event) {
        if (causes.confirmed(data.incidentId(), data.deploymentId(), data.confirmedAt())) {
            log.info("Deployment {} caused incident {}: a change failure", data.deploymentId(), data.incidentId());
        }
        log(rollbacks.causeConfirmed(new ProposeRollback.ConfirmedCause(data.incidentId(), data.deploymentId(),
                data.service(), data.environment(), data.confirmedBy(), data.reason())), data.incidentId(), event);
    }

    private static void log(ProposeRollback.Outcome outcome, UUID incidentId, InboundEvent event) {
        switch (outcome) {
            case PLANNED -> log.info("Incident {} ({} {}): emergency rollback planned", incidentId, event.type(),
                    event.id());
            case DECLINED -> log.info("Incident {} ({} {}): rollback declined", incidentId, event.type(), event.id());
            case IGNORED -> log.debug("Incident {} ({} {}): no rollback asked", incidentId, event.type(), event.id());
        }
    }

    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved data) {
        causes.resolved(data.incidentId(), data.resolvedAt());
    }

    /** Our copy of the fields we read, here and below; no service means unattributed. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            Instant openedAt, @Nullable String priority, @Nullable Instant startedAt) {
    }

    /** Contract 4 of issue 9: what the DORA figures and the rollback read. */
    record CauseConfirmed(UUID incidentId, UUID deploymentId, String service, String environment,
            String confirmedBy, Instant confirmedAt, @Nullable String reason) {
    }

    record IncidentResolved(UUID incidentId, Instant resolvedAt) {
    }
}
