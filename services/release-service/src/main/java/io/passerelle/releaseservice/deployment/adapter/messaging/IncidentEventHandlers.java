package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.ProposeRollback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An incident opened on an environment stops the releases soaking there before their promotion, and a P1 may ask
 * for the rollback of the deployment that finished there just before it (the environment's incident rollback
 * policy); a deployment confirmed as an incident's cause is rolled back, or the incident is told why not.
 */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final PromoteRelease promotion;
    private final ProposeRollback rollbacks;

    IncidentEventHandlers(PromoteRelease promotion, ProposeRollback rollbacks) {
        this.promotion = promotion;
        this.rollbacks = rollbacks;
    }

    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened data, InboundEvent event) {
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

    @HandlesEvent("incident.cause-confirmed.v1")
    void onCauseConfirmed(CauseConfirmed data, InboundEvent event) {
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

    /** Our copy of the fields we read. */
    record IncidentOpened(UUID incidentId, String service, String environment, String title, Instant openedAt,
            @Nullable String priority, @Nullable Instant startedAt) {
    }

    /** Our copy of the fields we read (contract 4 of issue 9). */
    record CauseConfirmed(UUID incidentId, UUID deploymentId, String service, String environment,
            String confirmedBy, @Nullable String reason) {
    }
}
