package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The decisions about suspects as published are their recorded examples (api-specs/events/examples). */
class SuspectDecisionEventsTest {

    private static final UUID INCIDENT = UUID.fromString("5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60");

    @Test
    void incident_cause_confirmed_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new IncidentCauseConfirmed(INCIDENT,
                UUID.fromString("7d3f8a2e-4b1c-4e6a-9f2d-1c8b5e7a3d90"),
                UUID.fromString("c2a9e4f1-6d3b-4a8e-b5c7-9e1f2d3a4b5c"), "checkout", "production", "1.4.2",
                "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", Priority.P1, Instant.parse("2026-03-10T11:58:00Z"), "otto",
                Instant.parse("2026-03-10T12:06:41Z"),
                "5xx began as 1.4.2 reached production; its canary showed the same errors"));
    }

    @Test
    void incident_cause_dismissed_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new IncidentCauseDismissed(INCIDENT,
                UUID.fromString("0b6e2d4f-8a1c-4f3e-a7d9-5c2b1e8f6a43"),
                UUID.fromString("e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b"), "checkout", "production", "otto",
                Instant.parse("2026-03-10T12:05:12Z"), "1.4.1 never took traffic: its health check failed before the"
                        + " switch"));
    }
}
