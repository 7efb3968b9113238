package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Someone acknowledged an incident: it has an owner, and its time to acknowledge is measured from its opening
 * (api-specs/events/incident.acknowledged.v1.json).
 */
@EventType("incident.acknowledged.v1")
public record IncidentAcknowledged(UUID incidentId, @Nullable String service, @Nullable String environment,
        boolean attributed, Priority priority, Instant openedAt, Instant acknowledgedAt, String acknowledgedBy,
        long timeToAcknowledgeSeconds) implements IncidentEvent {
}
