package io.passerelle.integrationservice.executor;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Claims of webhook dispatches as the outbox hands them out, for tests that do not care about the call's fields. */
public final class TestClaims {

    private TestClaims() {
    }

    public static DeployCall call(UUID deploymentId, String service, String environment) {
        return new DeployCall(deploymentId, UUID.nameUUIDFromBytes(deploymentId.toString().getBytes()), service,
                environment, "1.4.2", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                URI.create("https://passerelle.example/api/v1/executors/webhook/deployments/" + deploymentId
                        + "/outcome"), "callback-token");
    }

    public static Claim webhook(UUID deploymentId, String service, String environment, String url, int attempts,
            @Nullable String failures, Instant requestedAt, Instant leaseUntil) {
        return new Claim(deploymentId, service, environment, Target.webhook(url),
                call(deploymentId, service, environment), attempts, failures, requestedAt, leaseUntil, Map.of());
    }
}
