package io.passerelle.integrationservice.executor;

import java.util.UUID;

/** An authorized deployment to carry out through the environment's deploy target. */
public record DeploymentRequest(UUID deploymentId, UUID changeId, String service, String environment, String version,
        String commitSha, String targetType, String targetUrl) {
}
