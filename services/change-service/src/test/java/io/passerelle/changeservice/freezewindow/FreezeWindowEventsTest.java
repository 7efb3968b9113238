package io.passerelle.changeservice.freezewindow;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static io.passerelle.platform.test.EventContracts.assertMatchesRecorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The freeze window events as the outbox publishes them: each record, built with the recorded values, must serialize
 * to exactly the recorded example in api-specs/events/examples and conform to its schema.
 */
class FreezeWindowEventsTest {

    private static final UUID WINDOW = UUID.fromString("3e9b7c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d");

    @Test
    void freeze_window_declared_is_published_as_recorded() {
        assertMatchesRecorded(new FreezeWindowDeclared(WINDOW, "Weekends", "Nobody watches production at weekends",
                Instant.parse("2026-12-04T15:00:00Z"), Instant.parse("2026-12-07T07:00:00Z"), "Europe/Paris",
                "FREQ=WEEKLY;BYDAY=FR", List.of("payments"), List.of("production"), "alice",
                Instant.parse("2026-11-30T09:00:00Z")));
    }

    @Test
    void a_freeze_window_for_everything_once_is_published_without_recurrence_and_with_empty_scope() {
        var data = assertConforms(new FreezeWindowDeclared(WINDOW, "Year end", "Holidays",
                Instant.parse("2026-12-18T17:00:00Z"), Instant.parse("2027-01-04T07:00:00Z"), "Europe/Paris", null,
                List.of(), List.of(), "alice", Instant.parse("2026-11-30T09:00:00Z")));

        assertThat(data.has("recurrence")).isFalse();
        assertThat(data.get("services").isEmpty()).isTrue();
    }

    @Test
    void freeze_window_ended_is_published_as_recorded() {
        assertMatchesRecorded(new FreezeWindowEnded(WINDOW, "Weekends", List.of("payments"), List.of("production"),
                "bob", Instant.parse("2026-12-05T10:30:00Z")));
    }
}
