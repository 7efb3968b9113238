package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.passerelle.releaseservice.deployment.port.Deployments;

/**
 * Fails the underway deployments that have had no outcome by their deadline (authorization + the environment's
 * deployment timeout), each with {@code deployment.failed.v1} saying so: its change fails, and integration-service
 * settles its dispatch. One batch per call, in the caller's transaction; rows another instance holds are skipped.
 */
public final class TimeOutDeployments {

    private final Deployments deployments;
    private final Clock clock;

    public TimeOutDeployments(Deployments deployments, Clock clock) {
        this.deployments = deployments;
        this.clock = clock;
    }

    /** @return how many deployments timed out (at most {@code limit}) */
    public int timeOutDue(int limit) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int timedOut = 0;
        for (var deployment : deployments.lockOverdue(now, limit)) {
            if (deployment.timeOut(now)) {
                deployments.save(deployment);
                timedOut++;
            }
        }
        return timedOut;
    }

    /** When the next underway deployment falls due. */
    public Optional<Instant> nextDeadline() {
        return deployments.nextDeadline();
    }
}
