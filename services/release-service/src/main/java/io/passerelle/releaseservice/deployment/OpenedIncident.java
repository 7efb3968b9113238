package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

/** An incident incident-service opened on a service's environment: what stops a soak there. */
public record OpenedIncident(UUID incidentId, String service, String environment, String title, Instant openedAt) {
}
