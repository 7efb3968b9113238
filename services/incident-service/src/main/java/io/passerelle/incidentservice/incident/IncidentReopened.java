package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A resolved incident was reopened within its reopen period: the service is not restored after all, and the incident
 * is open again until it is resolved again (api-specs/events/incident.reopened.v1.json).
 */
@EventType("incident.reopened.v1")
public record IncidentReopened(UUID incidentId, @Nullable String service, @Nullable String environment,
        boolean attributed, Priority priority, Instant resolvedAt, Instant reopenedAt, String reopenedBy,
        String reason) implements IncidentEvent {
}
