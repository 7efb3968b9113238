package io.passerelle.releaseservice.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident confirmed to have been caused by a deployment (a person confirmed the suspect in incident-service:
 * {@code incident.cause-confirmed.v1}), and when it was resolved ({@code incident.resolved.v1}; not yet: null): an
 * input of {@link DeliveryFigures#of}.
 */
public record IncidentCause(UUID deploymentId, UUID incidentId, @Nullable Instant resolvedAt) {
}
