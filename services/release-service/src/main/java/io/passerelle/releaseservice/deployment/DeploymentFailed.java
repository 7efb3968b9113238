package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** The deploy target reported failure, or could not be reached. */
@EventType("deployment.failed.v1")
public record DeploymentFailed(UUID deploymentId, UUID releaseId, @Nullable UUID changeId, String service,
        String environment, String version, String commitSha, String reason, @Nullable Instant startedAt,
        Instant finishedAt) implements DeploymentEvent {
}
