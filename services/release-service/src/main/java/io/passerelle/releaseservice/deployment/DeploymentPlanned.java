package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A deployment waits for its change; {@code requiresApproval} is the environment's. A rollback carries
 * {@code rollback}: which deployment it undoes, why, and whether its change is an emergency; a release going forward
 * has none.
 */
@EventType("deployment.planned.v1")
public record DeploymentPlanned(UUID deploymentId, UUID releaseId, String service, String environment,
        String version, String commitSha, boolean requiresApproval, String requestedBy, @Nullable String runUrl,
        Instant plannedAt, @Nullable Rollback rollback) implements DeploymentEvent {
}
