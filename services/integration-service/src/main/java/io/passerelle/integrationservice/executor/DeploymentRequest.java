package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An authorized deployment to carry out through the environment's deploy target; no outcome is taken after
 * {@code deadline} (none: requested before deadlines existed).
 */
public record DeploymentRequest(UUID deploymentId, UUID changeId, String service, String environment, String version,
        String commitSha, String targetType, String targetUrl, @Nullable Instant deadline) {
}
