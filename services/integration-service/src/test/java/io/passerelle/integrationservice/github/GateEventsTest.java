package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** gate.requested.v1 as the outbox serializes it is exactly the recorded example, and conforms to its schema. */
class GateEventsTest {

    @Test
    void gate_requested_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new GateRequested(UUID.fromString("5d3c2b1a-9e8f-4a7b-8c6d-1e2f3a4b5c6d"),
                "payments", "production", "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086",
                "https://github.com/acme/payments/actions/runs/12201231746", "klutchell",
                Instant.parse("2026-11-27T15:14:56Z"), GateRequested.GITHUB_PROTECTION_RULE));
    }
}
