package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An incident was resolved; time to restore runs from its start (api-specs/events/incident.resolved.v1.json). An
 * incident reopened and resolved again is resolved again: the later event carries the later resolution.
 */
@EventType("incident.resolved.v1")
public record IncidentResolved(UUID incidentId, @Nullable String service, @Nullable String environment,
        boolean attributed, Instant startedAt, Instant resolvedAt, String resolvedBy, long timeToRestoreSeconds)
        implements IncidentEvent {
}
