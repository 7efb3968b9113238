package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record DeploymentSucceeded(UUID deploymentId, UUID releaseId, UUID changeId, String service,
        String environment, String version, String commitSha, @Nullable Instant startedAt, Instant finishedAt)
        implements DeploymentEvent {
}
