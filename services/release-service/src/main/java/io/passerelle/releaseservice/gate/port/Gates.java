package io.passerelle.releaseservice.gate.port;

import java.util.Optional;
import java.util.UUID;

import io.passerelle.releaseservice.gate.Gate;

/** Gates, read with what their deployment says (what, where, change, outcome). */
public interface Gates {

    /** Stores a new gate or the decision of a known one, then publishes the events it registered (caller's transaction). */
    void save(Gate gate);

    Optional<Gate> byId(UUID id);

    /** The gate, locked until the end of the transaction: for changing it. */
    Optional<Gate> lock(UUID id);

    /** The gate of a deployment, locked. */
    Optional<Gate> lockByDeployment(UUID deploymentId);

    /**
     * The gate the client {@code openedBy} opened for the run {@code runUrl} to put that release into that
     * environment, while it is open: its deployment is neither cancelled (refused) nor finished (outcome reported).
     */
    Optional<Gate> openFor(UUID releaseId, String environment, String runUrl, String openedBy);
}
