package io.passerelle.incidentservice.rollback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import org.jspecify.annotations.Nullable;

/**
 * Follows the rollbacks proposed for incidents from what release-service and change-service publish, onto each
 * incident's timeline. Events arrive in any order (several consumers, redeliveries): a step told before the rollback's
 * plan, or before the step it follows, is held and taken in turn when that one comes; a deployment planned as no
 * incident's rollback drops what was held for it. Each method says whether it concerned an incident's rollback.
 */
public final class FollowRollback {

    /** What release-service planned: a rollback naming an incident. */
    public record PlannedRollback(UUID incidentId, UUID undone, String environment, String version,
            boolean automatic, String reason) {
    }

    private final RollbackProposals proposals;

    public FollowRollback(RollbackProposals proposals) {
        this.proposals = proposals;
    }

    /**
     * release-service planned {@code deploymentId} at {@code at} (deployment.planned.v1): when it is a rollback
     * ({@code rollback}) of an incident known here, the incident's proposal, with the steps held for it.
     */
    public boolean planned(UUID deploymentId, @Nullable PlannedRollback rollback, Instant at) {
        proposals.lock(deploymentId);
        proposals.planned(deploymentId);
        if (rollback == null || !isNew(rollback.incidentId(), rollback.undone())) {
            proposals.release(deploymentId, null);
            return false;
        }
        var proposal = RollbackProposal.planned(rollback.incidentId(), rollback.undone(), deploymentId,
                rollback.environment(), rollback.version(), rollback.automatic(), rollback.reason(), at);
        takeHeld(deploymentId, proposal);
        proposals.save(proposal);
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

    /**
     * A step of {@code deploymentId}: taken on its proposal, or held until the step it follows (or the plan) comes;
     * false when the deployment was planned as no incident's rollback.
     */
    public boolean step(UUID deploymentId, RollbackStep step) {
        proposals.lock(deploymentId);
        var proposal = proposals.byDeployment(deploymentId);
        if (proposal.isEmpty()) {
            if (proposals.wasPlanned(deploymentId)) {
                return false;
            }
            proposals.hold(deploymentId, step);
            return true;
        }
        if (!proposal.get().accepts(step)) {
            proposals.hold(deploymentId, step);
            return true;
        }
        step.takeOn(proposal.get());
        takeHeld(deploymentId, proposal.get());
        proposals.save(proposal.get());
        return true;
    }

    /** The held steps the proposal now accepts, each in turn, until none is left that it does. */
    private void takeHeld(UUID deploymentId, RollbackProposal proposal) {
        var held = new ArrayList<>(proposals.held(deploymentId));
        for (var next = next(held, proposal); next != null; next = next(held, proposal)) {
            next.takeOn(proposal);
            held.remove(next);
            proposals.release(deploymentId, next);
        }
    }

    private static @Nullable RollbackStep next(List<RollbackStep> held, RollbackProposal proposal) {
        return held.stream().filter(proposal::accepts).findFirst().orElse(null);
    }

    private boolean isNew(UUID incidentId, UUID undone) {
        return proposals.incidentKnown(incidentId) && !proposals.exists(incidentId, undone);
    }
}
