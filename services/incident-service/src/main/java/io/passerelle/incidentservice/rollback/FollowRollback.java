package io.passerelle.incidentservice.rollback;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import org.jspecify.annotations.Nullable;

/**
 * Follows the rollbacks proposed for incidents from what release-service and change-service publish, onto each
 * incident's timeline. Each method says whether it was about a rollback of a known incident (false: none of ours, or
 * told already).
 */
public final class FollowRollback {

    private final RollbackProposals proposals;

    public FollowRollback(RollbackProposals proposals) {
        this.proposals = proposals;
    }

    /** A rollback deployment naming an incident was planned (deployment.planned.v1 with rollback.incidentId). */
    public boolean planned(UUID incidentId, UUID undone, UUID deploymentId, String environment, String version,
            boolean automatic, String reason, Instant at) {
        if (!isNew(incidentId, undone)) {
            return false;
        }
        proposals.save(RollbackProposal.planned(incidentId, undone, deploymentId, environment, version, automatic,
                reason, at));
        return true;
    }

    /** No rollback of {@code undone} was possible for the incident (deployment.rollback-declined.v1). */
    public boolean declined(UUID incidentId, UUID undone, String environment, String reason, Instant at) {
        if (!isNew(incidentId, undone)) {
            return false;
        }
        proposals.save(RollbackProposal.declined(incidentId, undone, environment, reason, at));
        return true;
    }

    public boolean changeRaised(UUID deploymentId, UUID changeId, String type, boolean authorizedAtOnce, Instant at) {
        return step(deploymentId, p -> p.changeRaised(changeId, type, authorizedAtOnce, at));
    }

    public boolean changeAuthorized(UUID deploymentId, UUID changeId, String by, Instant at) {
        return step(deploymentId, p -> p.changeAuthorized(changeId, by, at));
    }

    public boolean changeRejected(UUID deploymentId, UUID changeId, String by, @Nullable String reason, Instant at) {
        return step(deploymentId, p -> p.changeRejected(changeId, by, reason, at));
    }

    public boolean rolledBack(UUID deploymentId, String version, Instant at) {
        return step(deploymentId, p -> p.rolledBack(version, at));
    }

    /** A deployment failed: when it is an incident's rollback, the incident is told why. */
    public boolean failed(UUID deploymentId, String reason, Instant at) {
        return step(deploymentId, p -> p.failed(reason, at));
    }

    private boolean isNew(UUID incidentId, UUID undone) {
        return proposals.incidentKnown(incidentId) && !proposals.exists(incidentId, undone);
    }

    private boolean step(UUID deploymentId, Consumer<RollbackProposal> step) {
        var proposal = proposals.lockByDeployment(deploymentId);
        proposal.ifPresent(p -> {
            step.accept(p);
            proposals.save(p);
        });
        return proposal.isPresent();
    }
}
