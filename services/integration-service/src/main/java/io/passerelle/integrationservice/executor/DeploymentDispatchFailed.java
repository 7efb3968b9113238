package io.passerelle.integration.executor;

import java.time.Instant;
import java.util.UUID;

public record DeploymentDispatchFailed(UUID deploymentId, String service, String environment, String targetUrl,
        int attempts, String reason, Instant failedAt) {
}
