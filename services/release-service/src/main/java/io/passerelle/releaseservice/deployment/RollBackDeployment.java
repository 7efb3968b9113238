package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;

/**
 * Undoes a finished deployment by putting back the release that succeeded in that environment before it, through the
 * environment's deploy target, as a deployment of kind ROLLBACK under its own change (an emergency change when an
 * incident asks for it). When the rollback succeeds, {@code deployment.rolled-back.v1} tells the others.
 */
public final class RollBackDeployment {

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final Clock clock;

    public RollBackDeployment(Services services, Releases releases, Deployments deployments, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * A release manager undoes {@code deploymentId}.
     *
     * @return the planned rollback, waiting for its change
     * @throws NotFoundException when the deployment is unknown
     * @throws RuleViolationException 409 while it is not finished, for a rollback, or when a rollback of it is under
     *         way; 422 when its pipeline carried it out or no earlier release succeeded there
     */
    public Deployment rollBack(UUID deploymentId, String reason, boolean emergency, String requestedBy) {
        return plan(new Rollback(deploymentId, reason, emergency), requestedBy, false);
    }

    /**
     * An incident asks to undo {@code rollback.of()}: as {@link #rollBack}, and only while that deployment is the
     * live one in its environment (the last planned there and not cancelled): undoing an older one would put back the
     * release before it, over the later ones (ADR 0020).
     *
     * @throws RuleViolationException 409 as {@link #rollBack}, or when a later deployment went there after it
     */
    public Deployment rollBackLive(Rollback rollback, String requestedBy) {
        return plan(rollback, requestedBy, true);
    }

    private Deployment plan(Rollback rollback, String requestedBy, boolean onlyLive) {
        var deploymentId = rollback.of();
        var undone = deployments.lock(deploymentId).orElseThrow(() -> new NotFoundException("deployment",
                deploymentId));
        if (undone.executor() == Executor.PIPELINE) {
            throw RuleViolationException.unprocessable("deployment " + deploymentId + " was carried out by its"
                    + " pipeline: roll it back by running that pipeline on the previous commit");
        }
        if (undone.kind() == Deployment.Kind.ROLLBACK) {
            throw RuleViolationException.conflict("deployment " + deploymentId + " is itself a rollback: take a"
                    + " release forward instead of rolling a rollback back");
        }
        if (undone.state() != DeploymentState.SUCCEEDED && undone.state() != DeploymentState.FAILED) {
            throw RuleViolationException.conflict("deployment " + deploymentId + " is " + undone.state()
                    + ": only a deployment that succeeded or failed is rolled back");
        }
        deployments.liveRollbackOf(deploymentId).ifPresent(live -> {
            throw RuleViolationException.conflict("deployment " + deploymentId + " is being rolled back already"
                    + " (deployment " + live.id() + ", " + live.state() + ")");
        });
        if (onlyLive) {
            deployments.newestIn(undone.service(), undone.environment()).filter(d -> !d.id().equals(deploymentId))
                    .ifPresent(later -> {
                        throw RuleViolationException.conflict("deployment " + deploymentId + " (" + undone.version()
                                + ") is no longer the live one in " + undone.environment() + ": deployment "
                                + later.id() + " (" + later.version() + ", " + later.state() + ") went there after"
                                + " it, and rolling " + undone.version() + " back would undo that one too");
                    });
        }
        var previous = deployments.lastSucceededBefore(undone.service(), undone.environment(), undone.plannedAt(),
                undone.releaseId()).orElseThrow(() -> RuleViolationException.unprocessable("no release of "
                        + undone.service() + " succeeded in " + undone.environment() + " before deployment "
                        + deploymentId + ": there is nothing to roll back to"));
        var release = releases.byId(previous.releaseId())
                .orElseThrow(() -> new IllegalStateException("release " + previous.releaseId() + " is missing"));
        var environment = services.byName(undone.service()).flatMap(s -> s.environment(undone.environment()))
                .orElseThrow(() -> new IllegalStateException(undone.service() + " lost " + undone.environment()));
        var deployment = Deployment.rollBack(release, environment, rollback, requestedBy,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        deployments.save(deployment);
        return deployment;
    }
}
