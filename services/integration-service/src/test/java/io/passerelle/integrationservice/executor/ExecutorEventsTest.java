package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The executor's one event, as the outbox serializes it, is exactly what was recorded as its contract. */
class ExecutorEventsTest {

    @Test
    void deployment_outcome_reported_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new DeploymentOutcomeReported(
                UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666"), "payments", "prod", "webhook",
                DeploymentOutcome.FAILED, "health check failed", DeploymentOutcomeReported.Source.callback,
                UUID.fromString("5f0c9d2e-7a41-4b3c-9e8d-2a1b0c9d8e7f"), Instant.parse("2026-03-01T10:15:30.123456Z")));
    }

    @Test
    void a_dispatch_that_could_not_be_sent_conforms_without_a_delivery() {
        EventContracts.assertConforms(DeploymentOutcomeReported.dispatchFailed(UUID.randomUUID(), "payments", "prod",
                "webhook", "deploy target answered HTTP 503 on each of 3 attempts", Instant.now()));
    }
}
