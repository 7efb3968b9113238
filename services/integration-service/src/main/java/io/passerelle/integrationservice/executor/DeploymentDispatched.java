package io.passerelle.integration.executor;

import java.time.Instant;
import java.util.UUID;

public record DeploymentDispatched(UUID deploymentId, String service, String environment, String targetUrl,
        int attempts, Instant dispatchedAt) {
}
