package io.passerelle.integration.executor;

import java.time.Instant;
import java.util.UUID;

/** The dispatch log (port): one row per deployment, with its last outcome. */
public interface Dispatches {

    boolean alreadyDispatched(UUID deploymentId);

    void record(DeploymentRequest request, Dispatch outcome, Instant at);
}
