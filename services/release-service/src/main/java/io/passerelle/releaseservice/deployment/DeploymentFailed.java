package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record DeploymentFailed(UUID deploymentId, UUID releaseId, @Nullable UUID changeId, String service,
        String environment, String version, String commitSha, String reason, @Nullable Instant startedAt,
        Instant finishedAt) implements DeploymentEvent {
}
