package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The dispatch outcomes as the outbox serializes them are exactly what was sent before they became wire records. */
class ExecutorEventsTest {

    static final UUID DEPLOYMENT = UUID.fromString("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final String TARGET = "https://deploy.example.com/hooks/payments";

    @Test
    void deployment_dispatched_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new DeploymentDispatched(DEPLOYMENT, "payments-api", "prod", TARGET, 1,
                Instant.parse("2026-05-04T10:02:13.481Z")));
    }

    @Test
    void deployment_dispatch_failed_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new DeploymentDispatchFailed(DEPLOYMENT, "payments-api", "prod", TARGET,
                3, "deploy target answered HTTP 503 on each of 3 attempts", Instant.parse("2026-05-04T10:02:14.905Z")));
    }
}
