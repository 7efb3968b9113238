package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.port.Deployments;
import org.jspecify.annotations.Nullable;

/**
 * The executor reports how a deployment ended ({@code deployment.outcome-reported.v1}: its target's authenticated
 * callback, or a request that could not be sent). A success promotes the release as the next environment's promotion
 * and required checks say ({@link PromoteRelease}). The executor took the report before the
 * deadline; a report about a deployment that is unknown, carried out by its pipeline, or no longer underway (it timed
 * out meanwhile, or a duplicate) changes nothing: {@link Outcome#IGNORED}.
 */
public final class ApplyReportedOutcome {

    static final String DEFAULT_FAILURE = "the deploy target reported a failure";

    private final Deployments deployments;
    private final PromoteRelease promotion;

    public ApplyReportedOutcome(Deployments deployments, PromoteRelease promotion) {
        this.deployments = deployments;
        this.promotion = promotion;
    }

    /** @param at when the executor took the report; the deployment finishes then */
    public Outcome apply(UUID deploymentId, Reported outcome, @Nullable String reason, Instant at) {
        var finished = at.truncatedTo(ChronoUnit.MICROS);
        var deployment = deployments.lock(deploymentId);
        if (deployment.isEmpty() || deployment.get().executor() != Executor.TARGET
                || !deployment.get().state().isUnderway() || deployment.get().isOverdue(finished)) {
            return Outcome.IGNORED;
        }
        var reported = deployment.get();
        switch (outcome) {
            case SUCCEEDED -> reported.succeed(finished);
            case FAILED -> reported.fail(reason == null || reason.isBlank() ? DEFAULT_FAILURE : reason, finished);
        }
        deployments.save(reported);
        if (outcome == Reported.SUCCEEDED) {
            promotion.afterSuccess(reported, finished);
        }
        return Outcome.APPLIED;
    }

    /** What the executor reports. */
    public enum Reported { SUCCEEDED, FAILED }

    public enum Outcome { APPLIED, IGNORED }
}
