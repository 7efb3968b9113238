package io.passerelle.integrationservice.catalog;

import java.time.Instant;

import io.passerelle.platform.crypto.SecretSealer;

/**
 * A service as this service knows it. The webhook secret is kept sealed; {@link #webhookSecret} opens it in memory
 * only, for one signature check or one signed call.
 */
public record CatalogedService(String name, String repository, String defaultBranch, String webhookSecretSealed,
        Instant registeredAt) {

    public String webhookSecret(SecretSealer sealer) {
        return sealer.unseal(webhookSecretSealed);
    }

    @Override
    public String toString() {
        return "CatalogedService[" + name + ", " + repository + ", " + defaultBranch + "]";
    }
}
