package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A deployment waits for its change; {@code requiresApproval} is the environment's. */
public record DeploymentPlanned(UUID deploymentId, UUID releaseId, String service, String environment,
        String version, String commitSha, boolean requiresApproval, String requestedBy, @Nullable String runUrl,
        Instant plannedAt) implements DeploymentEvent {
}
