package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import io.passerelle.releaseservice.catalog.DeployTarget;

/** An authorized deployment must be carried out by the environment's deploy target ({@code type}, {@code url}). */
@EventType("deployment.requested.v1")
public record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment,
        String version, String commitSha, DeployTarget target, Instant requestedAt) implements DeploymentEvent {
}
