package io.passerelle.incidentservice.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The problem events as published are their recorded examples (api-specs/events/examples), and conform. */
class ProblemEventsTest {

    private static final UUID PROBLEM = UUID.fromString("9b2e4c1a-7d3f-4e8b-a6c5-1f0d2e3b4a59");
    private static final UUID INCIDENT = UUID.fromString("5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60");
    private static final String TITLE = "checkout pods run out of database connections under load";
    private static final String CAUSE = "the connection pool is sized for 4 pods; autoscaling starts up to 12";

    @Test
    void problem_raised_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new ProblemRaised(PROBLEM, TITLE, "checkout", "pia",
                Instant.parse("2026-03-10T14:05:00Z"), List.of(INCIDENT)));
    }

    @Test
    void known_error_recorded_keeps_its_recorded_shape_with_what_it_matches() {
        EventContracts.assertMatchesRecorded(new KnownErrorRecorded(PROBLEM, TITLE, "checkout", CAUSE,
                "restart the checkout pods one at a time; each restart frees its connections",
                new KnownErrorMatch("checkout", "HighErrorRate", Map.of("team", "payments")), "pia",
                Instant.parse("2026-03-11T09:30:00Z"), List.of(INCIDENT)));
    }

    @Test
    void a_known_error_with_a_workaround_only_and_labels_only_conforms() {
        var data = EventContracts.assertConforms(new KnownErrorRecorded(PROBLEM, TITLE, null, null, "restart",
                new KnownErrorMatch(null, null, Map.of("team", "payments")), "pia", Instant.now(), List.of()));
        assertThat(data.has("rootCause")).isFalse();
        assertThat(data.get("match").has("service")).isFalse();
        assertThat(data.get("match").get("labels").get("team").asString()).isEqualTo("payments");
        assertThat(data.get("match").size()).as("only the match's own fields").isEqualTo(1);
    }

    @Test
    void problem_resolved_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new ProblemResolved(PROBLEM, TITLE, "checkout", CAUSE,
                UUID.fromString("c2a9e4f1-6d3b-4a8e-b5c7-9e1f2d3a4b5c"), "pia", Instant.parse("2026-03-14T16:00:00Z"),
                List.of(INCIDENT, UUID.fromString("0e7d6c5b-4a39-4281-8706-f5e4d3c2b1a0"))));
    }

    @Test
    void problem_closed_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new ProblemClosed(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                "checkout returns 5xx at peak", "checkout", PROBLEM, "pia", Instant.parse("2026-03-11T10:00:00Z")));
    }
}
