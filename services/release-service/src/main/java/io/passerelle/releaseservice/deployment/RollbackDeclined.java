package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;

/**
 * Incident {@code incidentId} asked for the rollback of deployment {@code deploymentId} and none was planned, for
 * {@code reason} (in words: no release succeeded there before it, its pipeline carried it out, it is no longer the
 * live one, it is being rolled back already, ...). The deployment is the subject.
 */
@EventType("deployment.rollback-declined.v1")
public record RollbackDeclined(UUID incidentId, UUID deploymentId, String service, String environment, String reason,
        Instant declinedAt) implements DomainEvent {

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
