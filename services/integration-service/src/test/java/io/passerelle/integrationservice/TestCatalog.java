package io.passerelle.integrationservice;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers services the way release-service does: a service.registered.v1 with a sealed secret, on the bus. */
public final class TestCatalog {

    private static final SecretSealer SEALER = new SecretSealer(TestEvents.SECRETS_KEY);

    private TestCatalog() {
    }

    /** {@code gitlabProject}: every test service names one too (group/subgroup/project), beside its repository. */
    public record Registered(String service, String repository, String defaultBranch, String secret,
            String gitlabProject) {
    }

    /** A new service with a random name, repository and secret, environment prod; returns once the projection holds it. */
    public static Registered register(EventProbe events, JdbcClient jdbc, String defaultBranch) {
        return register(events, jdbc, defaultBranch, "prod");
    }

    /** The same, with these environments (in order). */
    public static Registered register(EventProbe events, JdbcClient jdbc, String defaultBranch,
            String... environments) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var registered = new Registered("svc-" + suffix, "octo-org/Repo-" + suffix, defaultBranch,
                "secret-" + UUID.randomUUID(), "acme/platform/Project-" + suffix);
        events.publish("service.registered.v1", registered.service(), Map.of(
                "gitlabProject", registered.gitlabProject(),
                "service", registered.service(),
                "repository", registered.repository(),
                "defaultBranch", defaultBranch,
                "webhookSecretSealed", SEALER.seal(registered.secret()),
                "environments", java.util.stream.IntStream.range(0, environments.length)
                        .mapToObj(i -> Map.of("name", environments[i], "order", i + 1, "requiresApproval", false,
                                "deployTarget", Map.of("type", "webhook", "url", "http://127.0.0.1:1/deploy")))
                        .toList(),
                "registeredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from cataloged_service where service = :s").param("s", registered.service())
                .query(Integer.class).single() == 1);
        return registered;
    }
}
