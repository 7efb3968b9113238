package io.passerelle.incidentservice.rollback.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.FollowRollback;
import io.passerelle.incidentservice.rollback.RollbackStep;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What release-service and change-service say about a rollback an incident asked for (ADR 0020), onto the incident's
 * timeline: planned or declined, its change raised, authorized or rejected, rolled back. Deployments and changes that
 * are not an incident's rollback are none of ours. (A rollback's failure comes with deployment.failed.v1, and its
 * change's raise with change.raised.v1, which the incident's and the change projection's handlers take and pass on:
 * one handler per event type in a service.)
 */
@Component
class RollbackEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(RollbackEventHandlers.class);

    private final FollowRollback follow;

    RollbackEventHandlers(FollowRollback follow) {
        this.follow = follow;
    }

    @HandlesEvent("deployment.planned.v1")
    void onPlanned(DeploymentPlanned data, InboundEvent event) {
        var rollback = data.rollback();
        var incident = rollback == null ? null : rollback.incidentId();
        var followed = follow.planned(data.deploymentId(), rollback == null || incident == null ? null
                : new FollowRollback.PlannedRollback(incident, rollback.of(), data.environment(), data.version(),
                        Boolean.TRUE.equals(rollback.automatic()), rollback.reason()), data.plannedAt());
        if (incident != null) {
            logged(followed, event, data.deploymentId());
        }
    }

    @HandlesEvent("deployment.rollback-declined.v1")
    void onDeclined(RollbackDeclined data, InboundEvent event) {
        logged(follow.declined(data.incidentId(), data.deploymentId(), data.environment(), data.reason(),
                data.declinedAt()), event, data.deploymentId());
    }

    @HandlesEvent("change.authorized.v1")
    void onChangeAuthorized(ChangeAuthorized data) {
        if (data.deploymentId() != null) {
            follow.step(data.deploymentId(), new RollbackStep.ChangeAuthorized(data.changeId(), data.authorizedBy(),
                    data.authorizedAt()));
        }
    }

    @HandlesEvent("change.rejected.v1")
    void onChangeRejected(ChangeRejected data) {
        if (data.deploymentId() != null) {
            follow.step(data.deploymentId(), new RollbackStep.ChangeRejected(data.changeId(), data.rejectedBy(),
                    data.reason(), data.rejectedAt()));
        }
    }

    @HandlesEvent("deployment.rolled-back.v1")
    void onRolledBack(DeploymentRolledBack data) {
        follow.step(data.deploymentId(), new RollbackStep.RolledBack(data.restoredVersion(), data.rolledBackAt()));
    }

    private static void logged(boolean followed, InboundEvent event, UUID deploymentId) {
        if (!followed) {
            log.info("Ignored {} {} about deployment {}: its incident is unknown here, or told already", event.type(),
                    event.id(), deploymentId);
        }
    }

    /** Our own reading of deployment.planned.v1: only a rollback naming an incident interests us. */
    record DeploymentPlanned(UUID deploymentId, String environment, String version, Instant plannedAt,
            @Nullable Rollback rollback) {
    }

    /** {@code incidentId} and {@code automatic} came later to version 1, and may be absent. */
    record Rollback(UUID of, String reason, @Nullable UUID incidentId, @Nullable Boolean automatic) {
    }

    record RollbackDeclined(UUID incidentId, UUID deploymentId, String environment, String reason,
            Instant declinedAt) {
    }

    record ChangeAuthorized(UUID changeId, @Nullable UUID deploymentId, String authorizedBy, Instant authorizedAt) {
    }

    record ChangeRejected(UUID changeId, @Nullable UUID deploymentId, String rejectedBy, @Nullable String reason,
            Instant rejectedAt) {
    }

    record DeploymentRolledBack(UUID deploymentId, String restoredVersion, Instant rolledBackAt) {
    }
}
