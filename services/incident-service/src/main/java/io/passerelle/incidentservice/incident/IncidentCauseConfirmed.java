package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A person confirmed that a suspect deployment caused the incident (api-specs/events/incident.cause-confirmed.v1.json):
 * the deployment and its change, the incident's priority and start, who confirmed it, when and why.
 */
@EventType("incident.cause-confirmed.v1")
public record IncidentCauseConfirmed(UUID incidentId, UUID deploymentId, @Nullable UUID changeId, String service,
        String environment, String version, @Nullable String commitSha, Priority priority, Instant incidentStartedAt,
        String confirmedBy, Instant confirmedAt, String reason) implements IncidentEvent {
}
