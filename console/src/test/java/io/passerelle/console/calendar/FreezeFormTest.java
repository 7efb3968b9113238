package io.passerelle.console.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FreezeFormTest {

    @Test
    void wall_clock_times_are_read_in_the_chosen_zone_and_sent_to_the_second_with_their_offset() {
        var form = new FreezeForm(" Black Friday ", "sales", "checkout, payments", "production",
                LocalDateTime.parse("2026-11-27T16:00"), LocalDateTime.parse("2026-11-30T08:00"), "Europe/Paris",
                "FREQ=WEEKLY;BYDAY=FR");
        assertThat(form.body()).containsEntry("name", "Black Friday")
                .containsEntry("start", "2026-11-27T16:00:00+01:00")
                .containsEntry("end", "2026-11-30T08:00:00+01:00")
                .containsEntry("timeZone", "Europe/Paris")
                .containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=FR")
                .containsEntry("scope", Map.of("services", List.of("checkout", "payments"),
                        "environments", List.of("production")));
    }

    @Test
    void empty_scope_lists_mean_everything_and_no_recurrence_means_once() {
        var form = new FreezeForm("All", "audit", " ", "", LocalDateTime.parse("2026-12-01T00:00"),
                LocalDateTime.parse("2026-12-01T02:00"), "UTC", "");
        assertThat(form.body()).containsEntry("scope", Map.of()).doesNotContainKey("recurrence")
                .containsEntry("start", "2026-12-01T00:00:00Z");
    }

    @Test
    void an_unknown_zone_is_sent_as_typed_for_the_service_to_refuse() {
        var form = new FreezeForm("x", "y", "", "", LocalDateTime.parse("2026-12-01T00:00"),
                LocalDateTime.parse("2026-12-01T02:00"), "Mars/Olympus", null);
        assertThat(form.body()).containsEntry("timeZone", "Mars/Olympus");
    }

    @Test
    void the_form_starts_this_minute_for_two_hours_in_utc() {
        var defaults = FreezeForm.defaults(Instant.parse("2026-11-30T13:05:42Z"));
        assertThat(FreezeForm.local(defaults.start())).isEqualTo("2026-11-30T13:05");
        assertThat(FreezeForm.local(defaults.end())).isEqualTo("2026-11-30T15:05");
        assertThat(FreezeWindows.calendar("/calendar?view=week&date=2026-11-30")).isEqualTo("/calendar?view=week&date=2026-11-30");
        assertThat(FreezeWindows.calendar("https://evil.example/")).isEqualTo("/calendar");
        assertThat(FreezeWindows.calendar(null)).isEqualTo("/calendar");
    }
}
