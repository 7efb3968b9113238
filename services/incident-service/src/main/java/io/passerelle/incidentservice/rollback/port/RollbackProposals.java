package io.passerelle.incidentservice.rollback.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.RollbackProposal;

/** The rollbacks proposed for incidents. */
public interface RollbackProposals {

    /** Whether incident-service knows that incident (a proposal refers to one). */
    boolean incidentKnown(UUID incidentId);

    /** Whether that incident has a proposal about that deployment already. */
    boolean exists(UUID incidentId, UUID undoneDeploymentId);

    /** The proposal whose rollback deployment that is, locked until the end of the transaction. */
    Optional<RollbackProposal> lockByDeployment(UUID rollbackDeploymentId);

    /** Stores a new or changed proposal and appends the timeline lines it registered, in the caller's transaction. */
    void save(RollbackProposal proposal);

    /** The incident's proposals, oldest first. */
    List<RollbackProposal> ofIncident(UUID incidentId);
}
