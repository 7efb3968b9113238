package io.passerelle.releaseservice.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deployment that finished, as the figures see it: its outcome and when, the time of its release's head commit
 * (unknown for releases recorded before it was kept), and, for a failure, the first success of the same service and
 * environment after it. Cancelled deployments never happened and are not finished deployments.
 */
public record FinishedDeployment(UUID id, String service, String environment, String version, String commitSha,
        Result result, Instant finishedAt, @Nullable Instant headCommitAt, @Nullable String reason,
        @Nullable NextSuccess nextSuccess) {

    public enum Result {
        SUCCEEDED, FAILED
    }

    /** The first successful deployment of the same service and environment that finished after a failure. */
    public record NextSuccess(UUID deploymentId, Instant finishedAt) {
    }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }

    /** Head commit → this deployment's end; unknown without the head commit's time, never negative. */
    public @Nullable Duration leadTime() {
        if (headCommitAt == null) {
            return null;
        }
        var time = Duration.between(headCommitAt, finishedAt);
        return time.isNegative() ? Duration.ZERO : time;
    }
}
