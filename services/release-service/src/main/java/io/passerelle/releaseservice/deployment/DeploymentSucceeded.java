package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** The deploy target reported success; {@code startedAt} is absent when the report overtook the dispatch. */
@EventType("deployment.succeeded.v1")
public record DeploymentSucceeded(UUID deploymentId, UUID releaseId, UUID changeId, String service,
        String environment, String version, String commitSha, @Nullable Instant startedAt, Instant finishedAt)
        implements DeploymentEvent {
}
