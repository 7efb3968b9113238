package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

/**
 * What the integration service reports about handing a requested deployment to its target. Reports about a
 * deployment that is unknown or already past that point (the target's callback may overtake them) change nothing
 * and return false.
 */
public final class TrackDispatch {

    private final Deployments deployments;
    private final DeploymentEvents events;

    public TrackDispatch(Deployments deployments, DeploymentEvents events) {
        this.deployments = deployments;
        this.events = events;
    }

    /** The target accepted the request at {@code at}: the deployment is in progress. */
    public boolean dispatched(UUID deploymentId, Instant at) {
        var deployment = deployments.lock(deploymentId).filter(d -> d.state() == DeploymentState.REQUESTED);
        if (deployment.isEmpty()) {
            return false;
        }
        deployment.get().start(at);
        deployments.update(deployment.get());
        return true;
    }

    /** The target could not be reached or refused: the deployment failed. */
    public boolean dispatchFailed(UUID deploymentId, String reason, Instant at) {
        var deployment = deployments.lock(deploymentId).filter(d -> d.state().isUnderway());
        if (deployment.isEmpty() || !deployment.get().fail(reason, at)) {
            return false;
        }
        deployments.update(deployment.get());
        events.publish(deployment.get().pullEvents());
        return true;
    }
}
