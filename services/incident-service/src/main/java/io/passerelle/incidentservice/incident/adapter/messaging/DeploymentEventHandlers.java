package io.passerelle.incidentservice.incident.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.incident.ReattributeIncidents;
import io.passerelle.incidentservice.rollback.FollowRollback;
import io.passerelle.incidentservice.rollback.RollbackStep;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * release-service's finished deployments, and the successful ones other tools made outside change control
 * (integration-service's deployment.observed.v1), kept (first outcome wins) as the candidates of attribution; one reported
 * after an incident it may have caused opened has that incident's suspects computed again; a failed one that is an
 * incident's rollback is told to that incident (one handler per event type in a service).
 */
@Component
class DeploymentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeploymentEventHandlers.class);

    private final ReattributeIncidents reattribution;
    private final FollowRollback rollbacks;

    DeploymentEventHandlers(ReattributeIncidents reattribution, FollowRollback rollbacks) {
        this.reattribution = reattribution;
        this.rollbacks = rollbacks;
    }

    @HandlesEvent("deployment.succeeded.v1")
    void onSucceeded(DeploymentSucceeded deployment) {
        finished(deployment.as(Outcome.SUCCEEDED));
    }

    /**
     * A deployment another tool made outside change control: a successful one is a candidate of attribution like
     * one of Passerelle's, with no change, marked with the tool that made it; a failed or cancelled one is not kept.
     */
    @HandlesEvent("deployment.observed.v1")
    void onObserved(DeploymentObserved deployment) {
        if (!"SUCCEEDED".equals(deployment.outcome())) {
            log.info("Deployment {} of {}/{} by {} ended {}: not a candidate of attribution",
                    deployment.deploymentId(), deployment.service(), deployment.environment(), deployment.tool(),
                    deployment.outcome());
            return;
        }
        finished(new FinishedDeployment(deployment.deploymentId(), deployment.service(), deployment.environment(),
                deployment.version(), deployment.commitSha(), null, Outcome.SUCCEEDED, deployment.startedAt(),
                deployment.finishedAt(), deployment.tool()));
    }

    @HandlesEvent("deployment.failed.v1")
    void onFailed(DeploymentFailed deployment) {
        finished(deployment.as(Outcome.FAILED));
        rollbacks.step(deployment.deploymentId(),
                new RollbackStep.Failed(deployment.reason(), deployment.finishedAt()));
    }

    private void finished(FinishedDeployment deployment) {
        int changed = reattribution.onFinished(deployment);
        if (changed > 0) {
            log.info("Deployment {} of {}/{} reported late: the suspects of {} open incident(s) computed again",
                    deployment.deploymentId(), deployment.service(), deployment.environment(), changed);
        }
    }

    /** What both events tell us of a finished deployment. */
    private interface Finished {

        UUID deploymentId();

        String service();

        String environment();

        String version();

        String commitSha();

        @Nullable UUID changeId();

        @Nullable Instant startedAt();

        Instant finishedAt();

        default FinishedDeployment as(Outcome outcome) {
            return new FinishedDeployment(deploymentId(), service(), environment(), version(), commitSha(),
                    changeId(), outcome, startedAt(), finishedAt());
        }
    }

    /** Our own reading of deployment.succeeded.v1 data: only the fields we keep. */
    record DeploymentSucceeded(UUID deploymentId, String service, String environment, String version,
            String commitSha, @Nullable UUID changeId, @Nullable Instant startedAt, Instant finishedAt)
            implements Finished {
    }

    /** Our own reading of deployment.observed.v1 data: only the fields we keep. */
    record DeploymentObserved(UUID deploymentId, String service, String environment, String version,
            @Nullable String commitSha, String outcome, String tool, @Nullable Instant startedAt,
            Instant finishedAt) {
    }

    /**
     * Our own reading of deployment.failed.v1 data: only the fields we keep (a failed one may have no change), and
     * why it failed, for an incident whose rollback it was.
     */
    record DeploymentFailed(UUID deploymentId, String service, String environment, String version,
            String commitSha, @Nullable UUID changeId, @Nullable Instant startedAt, Instant finishedAt, String reason)
            implements Finished {
    }
}
