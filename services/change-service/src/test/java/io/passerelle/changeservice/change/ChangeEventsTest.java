package io.passerelle.changeservice.change;

import static io.passerelle.platform.test.EventContracts.assertMatchesRecorded;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.risk.RiskFactor;
import org.junit.jupiter.api.Test;

/**
 * Replays the recorded wire shapes (api-specs/events/examples): each event record, built with the recorded values,
 * must serialize to exactly what the change service published before the records became the wire format.
 */
class ChangeEventsTest {

    private static final UUID CHANGE = UUID.fromString("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
    private static final UUID DEPLOYMENT = UUID.fromString("0b7e4c2d-8f1a-4d3e-b5c6-7a8b9c0d1e2f");
    private static final UUID RELEASE = UUID.fromString("9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final Instant RAISED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-11-27T10:05:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-27T10:20:00Z");

    @Test
    void change_raised_is_published_as_recorded() {
        var risk = new RiskAssessment(47, List.of(
                new RiskFactor("change-failure-rate", 20, 0.625, 12.5, "1 of 4 changes failed in 30 days (25 %)"),
                new RiskFactor("recent-failures", 20, 0.333, 6.67, "1 failed change in 7 days"),
                new RiskFactor("open-incidents", 25, 0.5, 12.5, "1 P2 incident open on payments in production"),
                new RiskFactor("environment-criticality", 15, 0.667, 10.0, "production is HIGH"),
                new RiskFactor("outside-business-hours", 10, 0.0, 0.0,
                        "inside business hours Mon–Fri 08:00–18:00 Europe/Paris"),
                new RiskFactor("time-since-last-success", 10, 0.556, 5.56, "last success in production 50 days ago")),
                RAISED);
        assertMatchesRecorded(new ChangeRaised(CHANGE, ChangeType.NORMAL, ChangeRaised.State.PENDING_APPROVAL,
                "payments", "production", "Deploy payments 1.4.2 to production", "pipeline:octocat", DEPLOYMENT,
                RELEASE, RAISED, risk, null, "risk 47 of 100; normal change: production of payments requires approval;"
                        + " no standard-change template: risk 47 > 40 (template 'Web deploys' v2)"));
    }

    @Test
    void change_held_is_published_as_recorded() {
        assertMatchesRecorded(new ChangeHeld(CHANGE, ChangeType.STANDARD, "payments", "production", DEPLOYMENT,
                List.of(UUID.fromString("3e9b7c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d")),
                "held by freeze window 'Weekends' until 2026-11-30T07:00:00Z", Instant.parse("2026-11-30T07:00:00Z"),
                Instant.parse("2026-11-27T16:05:00Z")));
    }

    @Test
    void change_authorized_is_published_as_recorded() {
        assertMatchesRecorded(new ChangeAuthorized(CHANGE, ChangeType.NORMAL, "payments", "production", DEPLOYMENT,
                "bob", DECIDED));
    }

    @Test
    void change_rejected_is_published_as_recorded() {
        assertMatchesRecorded(new ChangeRejected(CHANGE, "payments", "production", DEPLOYMENT, "bob",
                "no rollback plan", DECIDED));
    }

    @Test
    void change_closed_is_published_as_recorded() {
        assertMatchesRecorded(new ChangeClosed(CHANGE, "payments", "production", DEPLOYMENT, FINISHED));
    }

    @Test
    void change_failed_is_published_as_recorded() {
        assertMatchesRecorded(new ChangeFailed(CHANGE, "payments", "production", DEPLOYMENT, "target answered 503",
                FINISHED));
    }
}
