package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.port.Deployments;

/**
 * The change of a planned deployment was decided: authorized sends it to its deploy target, rejected cancels it.
 * A decision about a deployment that is unknown or no longer planned (a duplicate, a late decision) changes
 * nothing: {@link Outcome#IGNORED}.
 */
public final class ApplyChangeDecision {

    private final Deployments deployments;
    private final Clock clock;

    public ApplyChangeDecision(Deployments deployments, Clock clock) {
        this.deployments = deployments;
        this.clock = clock;
    }

    public Outcome authorized(UUID deploymentId, UUID changeId) {
        return Outcome.of(deployments.change(deploymentId, d -> d.authorize(changeId, now())));
    }

    public Outcome rejected(UUID deploymentId, UUID changeId, String reason) {
        return Outcome.of(deployments.change(deploymentId, d -> d.cancel(changeId, reason, now())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public enum Outcome {
        APPLIED, IGNORED;

        static Outcome of(boolean applied) {
            return applied ? APPLIED : IGNORED;
        }
    }
}
