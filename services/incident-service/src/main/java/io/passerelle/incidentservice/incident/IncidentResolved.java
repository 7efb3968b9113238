package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;

/** An incident was resolved; time to restore runs from its start (api-specs/events/incident.resolved.v1.json). */
@EventType("incident.resolved.v1")
public record IncidentResolved(UUID incidentId, String service, String environment, Instant startedAt,
        Instant resolvedAt, String resolvedBy, long timeToRestoreSeconds) implements IncidentEvent {
}
