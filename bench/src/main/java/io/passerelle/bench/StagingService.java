package io.passerelle.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;

/**
 * A service the benchmark registers, as a release manager does: one environment, {@code staging}, without approval,
 * whose deploy target is the benchmark's own; its repository is {@code bench/<name>}.
 */
final class StagingService {

    private StagingService() {
    }

    /**
     * Registers it with the target at {@code path} (which trusts its secret), then waits until integration-service and
     * change-service, which learn the catalog from its event, know it: a webhook for it is recognised, and its risk in
     * staging answers 200 (a freeze of a service change-service does not know yet is refused with a 422).
     */
    static void register(String gateway, String rhea, DeployTarget target, String path, String name, String secret)
            throws InterruptedException {
        target.trust(name, secret);
        var registered = Http.post(gateway + "/api/v1/services", rhea, Map.of("name", name, "repository",
                "bench/" + name, "defaultBranch", "main", "webhookSecret", secret, "environments", List.of(Map.of(
                        "name", "staging", "order", 1, "requiresApproval", false,
                        "deployTarget", Map.of("type", "webhook", "url", target.url(path))))));
        if (registered.status() != 201) {
            throw new IllegalStateException("cannot register " + name + ": " + registered.raw());
        }
        GitHub.awaitCatalogued(gateway, "bench/" + name, secret, 30);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Http.get(gateway + "/api/v1/risk?service=" + name + "&environment=staging", rhea).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not known to change-service after 30 s");
            }
            Thread.sleep(100);
        }
    }
}
