package io.passerelle.changeservice.change.adapter.messaging;

import java.util.UUID;

import io.passerelle.changeservice.change.RaiseChange;
import io.passerelle.changeservice.change.RecordDeploymentOutcome;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What release orchestration says about deployments: a planned deployment needs a change, its outcome ends it. */
@Component
class DeploymentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeploymentEventHandlers.class);

    private final RaiseChange raiseChange;
    private final RecordDeploymentOutcome outcomes;

    DeploymentEventHandlers(RaiseChange raiseChange, RecordDeploymentOutcome outcomes) {
        this.raiseChange = raiseChange;
        this.outcomes = outcomes;
    }

    /** The change that deployment needs (one per deployment). */
    @HandlesEvent("deployment.planned.v1")
    void onPlanned(DeploymentPlanned data, InboundEvent event) {
        raiseChange.forDeployment(new RaiseChange.PlannedDeployment(data.deploymentId(), data.releaseId(),
                        data.service(), data.environment(), data.version(), data.requiresApproval(), data.requestedBy(),
                        data.rollback() == null ? null : data.rollback().read()))
                .ifPresentOrElse(
                        change -> log.info("Raised {} for deployment {}", change, data.deploymentId()),
                        () -> log.info("Deployment {} already has a change; event {} ignored", data.deploymentId(),
                                event.id()));
    }

    /** The deployment was requested from the toolchain: its change is being implemented. */
    @HandlesEvent("deployment.requested.v1")
    void onRequested(DeploymentRequested data, InboundEvent event) {
        log(outcomes.requested(data.deploymentId()), data.deploymentId(), "was requested",
                "its change is implementing", event);
    }

    /** The deployment's change is closed. */
    @HandlesEvent("deployment.succeeded.v1")
    void onSucceeded(DeploymentSucceeded data, InboundEvent event) {
        log(outcomes.succeeded(data.deploymentId()), data.deploymentId(), "succeeded", "its change is closed", event);
    }

    /** The deployment's change failed, with the deployment's reason, and asks for a review. */
    @HandlesEvent("deployment.failed.v1")
    void onFailed(DeploymentFailed data, InboundEvent event) {
        log(outcomes.failed(data.deploymentId(), data.reason()), data.deploymentId(), "failed", "its change failed",
                event);
    }

    /** The deployment was undone by a rollback: its change's trail says by what. */
    @HandlesEvent("deployment.rolled-back.v1")
    void onRolledBack(DeploymentRolledBack data, InboundEvent event) {
        log(outcomes.rolledBack(data.rolledBackDeploymentId(), "rolled back by deployment " + data.deploymentId()
                        + (data.changeId() == null ? "" : " (change " + data.changeId() + ")") + ", which put "
                        + data.restoredVersion() + " back: " + data.reason()),
                data.rolledBackDeploymentId(), "was rolled back", "its change's trail says so", event);
    }

    private static void log(RecordDeploymentOutcome.Outcome outcome, UUID deploymentId, String result, String effect,
            InboundEvent event) {
        switch (outcome) {
            case RECORDED -> log.info("Deployment {} {}: {}", deploymentId, result, effect);
            case NO_CHANGE, OUT_OF_STATE -> log.warn("Deployment {} {} but {}: event {} ignored", deploymentId,
                    result, outcome.description(), event.id());
        }
    }

    /** Only the fields this service uses (tolerant reader), here and below. */
    record DeploymentPlanned(UUID deploymentId, UUID releaseId, String service, String environment, String version,
            boolean requiresApproval, String requestedBy, @Nullable Rollback rollback) {
    }

    /** A rollback's plan; {@code incidentId} and {@code automatic} came later to version 1, and may be absent. */
    record Rollback(UUID of, String reason, boolean emergency, @Nullable UUID incidentId, @Nullable Boolean automatic) {

        RaiseChange.Rollback read() {
            return new RaiseChange.Rollback(of, reason, emergency, incidentId, Boolean.TRUE.equals(automatic));
        }
    }

    record DeploymentRolledBack(UUID deploymentId, UUID rolledBackDeploymentId, @Nullable UUID changeId,
            String restoredVersion, String reason) {
    }

    record DeploymentRequested(UUID deploymentId) {
    }

    record DeploymentSucceeded(UUID deploymentId) {
    }

    record DeploymentFailed(UUID deploymentId, @Nullable String reason) {
    }
}
