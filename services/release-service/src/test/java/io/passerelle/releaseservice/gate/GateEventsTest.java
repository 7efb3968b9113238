package io.passerelle.releaseservice.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** gate.decided.v1 as published, against its schema and the shape recorded in api-specs/events/examples. */
class GateEventsTest {

    static final UUID GATE = UUID.fromString("5b1f0c3a-7d2e-4f6a-9b8c-0d1e2f3a4b5c");
    static final UUID DEPLOYMENT = UUID.fromString("7d4c2b1a-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
    static final UUID CHANGE = UUID.fromString("c1a2b3d4-e5f6-4789-8abc-def012345678");

    @Test
    void gate_decided_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new GateDecided(GATE, DEPLOYMENT, CHANGE, "payments", "production",
                GateDecision.REFUSED, "change " + CHANGE + " rejected by bob: no rollback plan", null,
                Instant.parse("2026-03-01T11:02:00.5Z")));
    }

    @Test
    void an_allowed_gate_decided_has_no_reason_and_conforms() {
        var data = EventContracts.assertConforms(new GateDecided(GATE, DEPLOYMENT, CHANGE, "payments", "production",
                GateDecision.ALLOWED, null, null, Instant.parse("2026-03-01T11:02:00Z")));
        assertThat(data.has("reason")).isFalse();
    }

    @Test
    void a_held_gate_decided_says_until_when_and_conforms() {
        var data = EventContracts.assertConforms(new GateDecided(GATE, DEPLOYMENT, CHANGE, "payments", "production",
                GateDecision.HELD, "held by freeze window 'Weekends' until 2026-03-02T07:00:00Z",
                Instant.parse("2026-03-02T07:00:00Z"), Instant.parse("2026-03-01T11:02:00Z")));
        assertThat(data.get("proceedAt").asString()).isEqualTo("2026-03-02T07:00:00Z");
    }
}
