package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The change of a planned deployment was decided: authorized sends it to its deploy target, rejected cancels it.
 * A decision about a deployment that is unknown or no longer planned (a duplicate, a late decision) changes
 * nothing and returns false.
 */
public final class ApplyChangeDecision {

    private final Deployments deployments;
    private final DeploymentEvents events;
    private final Clock clock;

    public ApplyChangeDecision(Deployments deployments, DeploymentEvents events, Clock clock) {
        this.deployments = deployments;
        this.events = events;
        this.clock = clock;
    }

    public boolean authorized(UUID deploymentId, UUID changeId) {
        var deployment = deployments.lock(deploymentId).filter(d -> d.state() == DeploymentState.PLANNED);
        if (deployment.isEmpty()) {
            return false;
        }
        deployment.get().authorize(changeId, clock.instant().truncatedTo(ChronoUnit.MICROS));
        deployments.update(deployment.get());
        events.publish(deployment.get().pullEvents());
        return true;
    }

    public boolean rejected(UUID deploymentId, UUID changeId, String reason) {
        var deployment = deployments.lock(deploymentId).filter(d -> d.state() == DeploymentState.PLANNED);
        if (deployment.isEmpty()) {
            return false;
        }
        deployment.get().cancel(changeId, reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        deployments.update(deployment.get());
        events.publish(deployment.get().pullEvents());
        return true;
    }
}
