package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident this change was confirmed to have caused: the incident, its priority, the change's deployment that
 * caused it, who confirmed it (the on-call engineer or the service desk, in incident-service), when and why.
 */
public record CausedIncident(UUID incidentId, UUID deploymentId, String priority, String confirmedBy,
        Instant confirmedAt, String reason) {

    public CausedIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
