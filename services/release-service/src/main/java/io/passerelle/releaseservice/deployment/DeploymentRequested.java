package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import io.passerelle.releaseservice.catalog.DeployTarget;

/**
 * An authorized deployment must be carried out by the environment's deploy target ({@code type}, {@code url}); no
 * outcome is taken after {@code deadline} (authorization + the environment's deployment timeout).
 */
@EventType("deployment.requested.v1")
public record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment,
        String version, String commitSha, DeployTarget target, Instant requestedAt, Instant deadline)
        implements DeploymentEvent {
}
