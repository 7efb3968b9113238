package io.passerelle.releaseservice.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident confirmed to have been caused by a deployment, and when it was resolved (not yet: null). Nothing
 * confirms causes yet: incident-service will publish {@code incident.cause-confirmed.v1} (issue 9), and its causes
 * are then one more input of {@link DeliveryFigures#of}; until then the figures count failed deployments only.
 */
public record IncidentCause(UUID deploymentId, UUID incidentId, @Nullable Instant resolvedAt) {
}
