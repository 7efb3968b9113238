package io.passerelle.integrationservice.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;

/**
 * A service as this service knows it. The webhook secret is kept sealed; {@link #webhookSecret} opens it in memory
 * only, for one signature check or one signed call. {@code environments}: the names of its environments (empty for
 * a service catalogued before they were kept here).
 */
public record CatalogedService(String name, String repository, String defaultBranch, String webhookSecretSealed,
        Instant registeredAt, List<String> environments, @Nullable String gitlabProject) {

    public CatalogedService {
        environments = List.copyOf(environments);
    }

    /** Without a GitLab project. */
    public CatalogedService(String name, String repository, String defaultBranch, String webhookSecretSealed,
            Instant registeredAt, List<String> environments) {
        this(name, repository, defaultBranch, webhookSecretSealed, registeredAt, environments, null);
    }

    public String webhookSecret(SecretSealer sealer) {
        return sealer.unseal(webhookSecretSealed);
    }

    /**
     * The environment of this service that {@code name} names, ignoring case as GitHub does with environment names
     * ({@code Production} is {@code production}).
     */
    public Optional<String> environment(String name) {
        var wanted = name.toLowerCase(Locale.ROOT);
        return environments.stream().filter(e -> e.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return "CatalogedService[" + name + ", " + repository + ", " + gitlabProject + ", " + defaultBranch + ", "
                + environments + "]";
    }
}
