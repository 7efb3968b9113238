package io.passerelle.releaseservice.deployment;

/**
 * PLANNED (waiting for its change) → IN_PROGRESS (change authorized: requested from the environment's executor, or
 * its pipeline deploys) → SUCCEEDED | FAILED (the outcome the executor or the pipeline reported, or no outcome by the
 * deadline); PLANNED → CANCELLED (change rejected).
 */
public enum DeploymentState {
    PLANNED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED;

    /** Authorized and not finished: an outcome may come. */
    public boolean isUnderway() {
        return this == IN_PROGRESS;
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
