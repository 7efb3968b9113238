package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.port.Deployments;

/**
 * What the integration service reports about handing a requested deployment to its target. Reports about a
 * deployment that is unknown or already past that point (the target's callback may overtake them) change nothing:
 * {@link Outcome#IGNORED}.
 */
public final class TrackDispatch {

    private final Deployments deployments;

    public TrackDispatch(Deployments deployments) {
        this.deployments = deployments;
    }

    /** The target accepted the request at {@code at}: the deployment is in progress. */
    public Outcome dispatched(UUID deploymentId, Instant at) {
        return Outcome.of(deployments.change(deploymentId, d -> d.start(at)));
    }

    /** The target could not be reached or refused: the deployment failed. */
    public Outcome dispatchFailed(UUID deploymentId, String reason, Instant at) {
        return Outcome.of(deployments.change(deploymentId, d -> d.dispatchFailed(reason, at)));
    }

    public enum Outcome {
        APPLIED, IGNORED;

        static Outcome of(boolean applied) {
            return applied ? APPLIED : IGNORED;
        }
    }
}
