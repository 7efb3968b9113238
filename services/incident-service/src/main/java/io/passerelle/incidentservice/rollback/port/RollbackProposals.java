package io.passerelle.incidentservice.rollback.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.RollbackProposal;
import io.passerelle.incidentservice.rollback.RollbackStep;
import org.jspecify.annotations.Nullable;

/** The rollbacks proposed for incidents, and the steps told before the step they follow. */
public interface RollbackProposals {

    /** Holds what is told about that deployment until the end of the transaction, so its steps are taken in turn. */
    void lock(UUID deploymentId);

    /** Whether incident-service knows that incident (a proposal refers to one). */
    boolean incidentKnown(UUID incidentId);

    /** Whether that incident has a proposal about that deployment already. */
    boolean exists(UUID incidentId, UUID undoneDeploymentId);

    /** The proposal whose rollback deployment that is. */
    Optional<RollbackProposal> byDeployment(UUID rollbackDeploymentId);

    /** Stores a new or changed proposal and appends the timeline lines it registered, in the caller's transaction. */
    void save(RollbackProposal proposal);

    /** The incident's proposals, oldest first. */
    List<RollbackProposal> ofIncident(UUID incidentId);

    /** Remembers that release-service planned that deployment (an incident's rollback or not). */
    void planned(UUID deploymentId);

    /** Whether release-service's plan of that deployment was heard. */
    boolean wasPlanned(UUID deploymentId);

    /** Keeps a step told before the one it follows (or before the deployment's plan). */
    void hold(UUID deploymentId, RollbackStep step);

    /** The steps held for that deployment, in the order they follow one another, then by time. */
    List<RollbackStep> held(UUID deploymentId);

    /** Forgets a held step (taken), or all of them ({@code step} null: the deployment is no incident's rollback). */
    void release(UUID deploymentId, @Nullable RollbackStep step);
}
