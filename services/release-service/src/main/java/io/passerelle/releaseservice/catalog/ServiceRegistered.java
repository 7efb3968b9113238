package io.passerelle.releaseservice.catalog;

import java.time.Instant;
import java.util.List;

/** A service joined the catalog. Carries the webhook secret only sealed. */
public record ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
        List<Environment> environments, Instant registeredAt) {
}
