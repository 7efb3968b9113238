package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An authorized deployment to carry out through its deploy target (as the deployment carries it); no outcome is
 * taken after {@code deadline} (none: requested before deadlines existed).
 */
public record DeploymentRequest(UUID deploymentId, UUID changeId, String service, String environment, String version,
        String commitSha, Target target, @Nullable Instant deadline) {

    public String targetType() {
        return target.type();
    }

    public String targetUrl() {
        return target.url();
    }
}
