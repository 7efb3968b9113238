package io.passerelle.integrationservice.executor;

import java.net.URI;
import java.util.UUID;

/**
 * What the deploy target is told: the deployment, where to report its outcome, and the credential that report must be
 * signed with ({@code callbackToken}; valid for this deployment only, never sent back: {@link CallbackSignature}).
 */
public record DeployCall(UUID deploymentId, UUID changeId, String service, String environment, String version,
        String commitSha, URI callbackUrl, String callbackToken) {
}
