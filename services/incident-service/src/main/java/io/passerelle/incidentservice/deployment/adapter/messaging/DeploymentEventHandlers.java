package io.passerelle.incidentservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.deployment.port.Deployments;
import io.passerelle.incidentservice.rollback.FollowRollback;
import io.passerelle.incidentservice.rollback.RollbackStep;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * release-service's finished deployments, kept (first outcome wins) as the candidates of attribution; a failed one
 * that is an incident's rollback is told to that incident (one handler per event type in a service).
 */
@Component
class DeploymentEventHandlers {

    private final Deployments deployments;
    private final FollowRollback rollbacks;

    DeploymentEventHandlers(Deployments deployments, FollowRollback rollbacks) {
        this.deployments = deployments;
        this.rollbacks = rollbacks;
    }

    @HandlesEvent("deployment.succeeded.v1")
    void onSucceeded(DeploymentSucceeded deployment) {
        deployments.record(deployment.as(Outcome.SUCCEEDED));
    }

    @HandlesEvent("deployment.failed.v1")
    void onFailed(DeploymentFailed deployment) {
        deployments.record(deployment.as(Outcome.FAILED));
        rollbacks.step(deployment.deploymentId(), new RollbackStep.Failed(deployment.reason(), deployment.finishedAt()));
    }

    /** What both events tell us of a finished deployment. */
    private interface Finished {

        UUID deploymentId();

        String service();

        String environment();

        String version();

        String commitSha();

        @Nullable UUID changeId();

        Instant finishedAt();

        default FinishedDeployment as(Outcome outcome) {
            return new FinishedDeployment(deploymentId(), service(), environment(), version(), commitSha(),
                    changeId(), outcome, finishedAt());
        }
    }

    /** Our own reading of deployment.succeeded.v1 data: only the fields we keep. */
    record DeploymentSucceeded(UUID deploymentId, String service, String environment, String version,
            String commitSha, @Nullable UUID changeId, Instant finishedAt) implements Finished {
    }

    /**
     * Our own reading of deployment.failed.v1 data: only the fields we keep (a failed one may have no change), and
     * why it failed, for an incident whose rollback it was.
     */
    record DeploymentFailed(UUID deploymentId, String service, String environment, String version,
            String commitSha, @Nullable UUID changeId, Instant finishedAt, String reason) implements Finished {
    }
}
