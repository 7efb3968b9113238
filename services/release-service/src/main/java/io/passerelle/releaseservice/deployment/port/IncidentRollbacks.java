package io.passerelle.releaseservice.deployment.port;

import java.util.UUID;

import io.passerelle.releaseservice.deployment.IncidentRollback;

/** What was decided each time an incident asked for the rollback of a deployment. */
public interface IncidentRollbacks {

    /** Whether that incident has asked for the rollback of that deployment before (whatever was decided). */
    boolean decided(UUID incidentId, UUID deploymentId);

    /** Stores the decision and publishes its events, in the caller's transaction. */
    void save(IncidentRollback decision);
}
