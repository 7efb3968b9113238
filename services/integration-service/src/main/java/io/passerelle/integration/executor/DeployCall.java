package io.passerelle.integration.executor;

import java.net.URI;
import java.util.UUID;

/** What the deploy target is told: the deployment, and where to report its outcome. */
public record DeployCall(UUID deploymentId, UUID changeId, String service, String environment, String version,
        String commitSha, URI callbackUrl) {
}
