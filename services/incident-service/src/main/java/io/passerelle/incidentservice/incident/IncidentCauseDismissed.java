package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A person dismissed a suspect deployment: it did not cause the incident
 * (api-specs/events/incident.cause-dismissed.v1.json).
 */
@EventType("incident.cause-dismissed.v1")
public record IncidentCauseDismissed(UUID incidentId, UUID deploymentId, @Nullable UUID changeId, String service,
        String environment, String dismissedBy, Instant dismissedAt, String reason) implements IncidentEvent {
}
