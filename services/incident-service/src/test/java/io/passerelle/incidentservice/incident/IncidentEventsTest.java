package io.passerelle.incidentservice.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.suspect.Attribution;
import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The events as published are the data producers sent before they became records (api-specs/events/examples). */
class IncidentEventsTest {

    private static final UUID INCIDENT = UUID.fromString("5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60");
    private static final Instant STARTED = Instant.parse("2026-03-10T11:58:00Z");

    /** The example's suspects are what the attribution rule computes (ADR 0004): the recorded reasons are true. */
    @Test
    void incident_opened_keeps_its_recorded_shape_with_its_suspects() {
        var change = UUID.fromString("c2a9e4f1-6d3b-4a8e-b5c7-9e1f2d3a4b5c");
        var newest = new FinishedDeployment(UUID.fromString("7d3f8a2e-4b1c-4e6a-9f2d-1c8b5e7a3d90"), "checkout",
                "production", "1.4.2", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", change, Outcome.SUCCEEDED,
                Instant.parse("2026-03-10T11:41:00Z"), Instant.parse("2026-03-10T11:46:00Z"));
        var older = new FinishedDeployment(UUID.fromString("0b6e2d4f-8a1c-4f3e-a7d9-5c2b1e8f6a43"), "checkout",
                "production", "1.4.1", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
                UUID.fromString("e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b"), Outcome.FAILED, null,
                Instant.parse("2026-03-10T08:58:00Z"));
        var suspects = new Attribution(Duration.ofHours(24), 50).suspects("checkout", "production", STARTED,
                List.of(older, newest), Map.of(change, new RaisedChange(change, ChangeType.NORMAL, 72)));

        EventContracts.assertMatchesRecorded(new IncidentOpened(INCIDENT, "checkout", "production", true,
                "5xx above 5% on checkout", Priority.P1, Level.HIGH, Level.HIGH, Source.MONITORING, "3f2a9c1e7b4d8a60",
                "monitoring", STARTED, Instant.parse("2026-03-10T12:00:03Z"), suspects, null));
    }

    @Test
    void an_unattributed_incident_opened_has_no_service_environment_nor_suspects_and_conforms() {
        var data = EventContracts.assertConforms(new IncidentOpened(INCIDENT, null, null, false,
                "DiskFull (unattributed)", Priority.P3, Level.MEDIUM, Level.MEDIUM, Source.MONITORING, "3f2a9c1e7b4d8a60",
                "monitoring", STARTED, Instant.parse("2026-03-10T12:00:03Z"), List.of(), null));

        assertThat(data.has("service")).isFalse();
        assertThat(data.has("environment")).isFalse();
        assertThat(data.get("attributed").asBoolean()).isFalse();
    }

    @Test
    void incident_opened_carries_the_known_errors_it_matched_and_leaves_them_out_when_none_did() {
        var known = new SuggestedKnownError(UUID.fromString("9b2e4c1a-7d3f-4e8b-a6c5-1f0d2e3b4a59"),
                "checkout pods run out of database connections under load", "restart the checkout pods one at a time");
        var rootCauseOnly = new SuggestedKnownError(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                "the payment provider rate-limits us at peak", null);
        var data = EventContracts.assertConforms(new IncidentOpened(INCIDENT, "checkout", "production", true,
                "t", Priority.P3, Level.MEDIUM, Level.MEDIUM, Source.SERVICE_DESK, null, "sam", STARTED, STARTED,
                List.of(), List.of(known, rootCauseOnly)));
        assertThat(data.get("knownErrors").get(0).get("problemId").asString()).isEqualTo(known.problemId().toString());
        assertThat(data.get("knownErrors").get(0).get("workaround").asString()).isEqualTo(known.workaround());
        assertThat(data.get("knownErrors").get(1).has("workaround")).isFalse();

        var incident = Incident.openFor(new ServiceDeskReport("checkout", "production", "t", null, Level.LOW,
                Level.LOW, STARTED), PriorityMatrix.itil().rate(Level.LOW, Level.LOW), "sam", List.of(), List.of(),
                STARTED);
        assertThat(EventContracts.assertConforms(incident.pullEvents().getFirst()).has("knownErrors"))
                .as("none matched: the field is left out, as before it existed").isFalse();
    }

    @Test
    void incident_resolved_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new IncidentResolved(INCIDENT, "checkout", "production", true, STARTED,
                Instant.parse("2026-03-10T12:15:00Z"), "monitoring", 1020));
    }

    @Test
    void incident_acknowledged_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new IncidentAcknowledged(INCIDENT, "checkout", "production", true,
                Priority.P1, Instant.parse("2026-03-10T12:00:03Z"), Instant.parse("2026-03-10T12:04:08Z"), "otto",
                245));
    }

    @Test
    void incident_reopened_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new IncidentReopened(INCIDENT, "checkout", "production", true,
                Priority.P1, Instant.parse("2026-03-10T12:15:00Z"), Instant.parse("2026-03-10T13:02:41Z"), "sam",
                "customers still cannot pay with saved cards"));
    }
}
