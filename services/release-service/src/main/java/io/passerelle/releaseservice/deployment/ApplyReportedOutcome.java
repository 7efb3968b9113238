package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/**
 * The executor reports how a deployment ended ({@code deployment.outcome-reported.v1}: its target's authenticated
 * callback, or a request that could not be sent). A success promotes the release: it is planned into the service's
 * next environment (the next higher order), which needs its own change. The executor took the report before the
 * deadline; a report about a deployment that is unknown, carried out by its pipeline, or no longer underway (it timed
 * out meanwhile, or a duplicate) changes nothing: {@link Outcome#IGNORED}.
 */
public final class ApplyReportedOutcome {

    static final String DEFAULT_FAILURE = "the deploy target reported a failure";

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;

    public ApplyReportedOutcome(Services services, Releases releases, Deployments deployments) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
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
            promote(reported, finished);
        }
        return Outcome.APPLIED;
    }

    private void promote(Deployment succeeded, Instant at) {
        var service = services.byName(succeeded.service())
                .orElseThrow(() -> new IllegalStateException("service " + succeeded.service() + " left the catalog"));
        service.environmentAfter(succeeded.environment()).ifPresent(next -> {
            var release = releases.byId(succeeded.releaseId())
                    .orElseThrow(() -> new IllegalStateException("release " + succeeded.releaseId() + " is missing"));
            deployments.save(Deployment.plan(release, next, at));
        });
    }

    /** What the executor reports. */
    public enum Reported { SUCCEEDED, FAILED }

    public enum Outcome { APPLIED, IGNORED }
}
