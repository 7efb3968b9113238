package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.UUID;

/**
 * A protection rule GitHub asked Passerelle to decide: the gate opened for it, and what the review needs later
 * ({@code environmentName} as GitHub spells it, the callback URL, the App installation to answer as).
 * {@code environment} is the catalog's name of the same environment.
 */
public record ProtectionRequest(UUID gateId, String deliveryId, String repository, String service,
        String environment, String environmentName, String commitSha, long runId, String callbackUrl,
        long installationId, String actor, Instant requestedAt) {

    /** The event that asks for the gate. */
    GateRequested gateRequested(String runUrl) {
        return new GateRequested(gateId, service, environment, commitSha, runUrl, actor, requestedAt,
                GateRequested.GITHUB_PROTECTION_RULE);
    }
}
