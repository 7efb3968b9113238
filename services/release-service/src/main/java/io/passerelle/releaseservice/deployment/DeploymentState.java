package io.passerelle.releaseservice.deployment;

/**
 * PLANNED (waiting for its change) → REQUESTED (change authorized, sent to the deploy target) → IN_PROGRESS
 * (the target accepted it) → SUCCEEDED | FAILED; PLANNED → CANCELLED (change rejected); REQUESTED → FAILED (the
 * target could not be reached). A deployment its pipeline carries out goes PLANNED → IN_PROGRESS (authorized: the
 * pipeline deploys) → SUCCEEDED | FAILED (reported on its gate), or PLANNED → CANCELLED.
 */
public enum DeploymentState {
    PLANNED, REQUESTED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED;

    /** Authorized and not finished: the target may report its outcome. */
    public boolean isUnderway() {
        return this == REQUESTED || this == IN_PROGRESS;
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
