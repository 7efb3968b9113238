package io.passerelle.releaseservice.delivery.port;

import java.time.Instant;
import java.util.UUID;

/** Where the incidents confirmed to be caused by deployments, and their resolutions, are kept (port). */
public interface IncidentCauses {

    /** The incident was confirmed to be caused by the deployment; false when that was known already. */
    boolean confirmed(UUID incidentId, UUID deploymentId, Instant confirmedAt);

    /** The incident was resolved at {@code resolvedAt}; a later resolution (after a reopening) replaces it. */
    void resolved(UUID incidentId, Instant resolvedAt);
}
