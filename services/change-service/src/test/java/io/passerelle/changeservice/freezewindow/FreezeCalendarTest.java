package io.passerelle.changeservice.freezewindow;

import static io.passerelle.changeservice.freezewindow.FreezeWindowTest.PAYMENTS_IN_PRODUCTION;
import static io.passerelle.changeservice.freezewindow.FreezeWindowTest.single;
import static io.passerelle.changeservice.freezewindow.FreezeWindowTest.weekends;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FreezeCalendarTest {

    private final InMemoryFreezeWindows windows = new InMemoryFreezeWindows();
    private final FreezeCalendar calendar = new FreezeCalendar(windows);

    @Test
    void a_weekend_freeze_holds_until_monday_eight_in_paris_on_the_weekend_the_clocks_go_forward() {
        var weekends = weekends(PAYMENTS_IN_PRODUCTION);
        windows.add(weekends);

        var freeze = calendar.freezeAt("payments", "production", Instant.parse("2026-03-28T12:00:00Z"));

        assertThat(freeze).hasValueSatisfying(f -> {
            assertThat(f.windows()).extracting(FreezeWindow::id).containsExactly(weekends.id());
            assertThat(f.until()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        });
        assertThat(calendar.freezeAt("payments", "production", Instant.parse("2026-03-27T14:59:59Z"))).isEmpty();
        assertThat(calendar.freezeAt("payments", "production", Instant.parse("2026-03-27T15:00:00Z")))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z")));
        assertThat(calendar.freezeAt("payments", "production", Instant.parse("2026-03-30T06:00:00Z"))).isEmpty();
    }

    @Test
    void a_year_end_freeze_holds_until_it_ends() {
        windows.add(FreezeWindow.declare(UUID.randomUUID(), "Year end", "Holidays", FreezeSchedule.of(
                LocalDateTime.parse("2026-12-18T18:00"), LocalDateTime.parse("2027-01-04T08:00"), "Europe/Paris",
                "FREQ=YEARLY"), FreezeScope.EVERYTHING, "alice", FreezeWindowTest.DECLARED));

        assertThat(calendar.freezeAt("billing", "staging", Instant.parse("2026-12-24T20:00:00Z")))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(Instant.parse("2027-01-04T07:00:00Z")));
        assertThat(calendar.freezeAt("billing", "staging", Instant.parse("2031-01-01T00:00:00Z")))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(Instant.parse("2031-01-04T07:00:00Z")));
        assertThat(calendar.freezeAt("billing", "staging", Instant.parse("2027-06-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_change_may_proceed_only_when_no_window_in_its_scope_covers_it_following_windows_that_overlap_or_touch() {
        // the weekend ends on Monday 30 March 08:00 (06:00Z); a freeze for production starts then, until 12:00;
        // another one for payments overlaps it from 11:00 to 14:00; a last one starts an hour after that
        var weekends = weekends(PAYMENTS_IN_PRODUCTION);
        var touching = single(FreezeScope.of(List.of(), List.of("production")), "2026-03-30T08:00", "2026-03-30T12:00");
        var overlapping = single(FreezeScope.of(List.of("payments"), List.of()), "2026-03-30T11:00", "2026-03-30T14:00");
        var later = single(PAYMENTS_IN_PRODUCTION, "2026-03-30T15:00", "2026-03-30T16:00");
        List.of(weekends, touching, overlapping, later).forEach(windows::add);

        var freeze = calendar.freezeAt("payments", "production", Instant.parse("2026-03-28T12:00:00Z"));

        assertThat(freeze).hasValueSatisfying(f -> {
            assertThat(f.windows()).extracting(FreezeWindow::id).containsExactly(weekends.id());
            assertThat(f.until()).isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
        });
        // at 11:30 two windows cover payments in production
        assertThat(calendar.freezeAt("payments", "production", Instant.parse("2026-03-30T09:30:00Z")))
                .hasValueSatisfying(f -> assertThat(f.windows()).extracting(FreezeWindow::id)
                        .containsExactlyInAnyOrder(touching.id(), overlapping.id()));
        // billing in production is covered by the production freeze only: it may proceed at 12:00
        assertThat(calendar.freezeAt("billing", "production", Instant.parse("2026-03-30T07:00:00Z")))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(Instant.parse("2026-03-30T10:00:00Z")));
    }

    @Test
    void a_window_covers_only_the_services_and_environments_of_its_scope() {
        windows.add(weekends(PAYMENTS_IN_PRODUCTION));
        var saturday = Instant.parse("2026-03-28T12:00:00Z");

        assertThat(calendar.freezeAt("payments", "production", saturday)).isPresent();
        assertThat(calendar.freezeAt("payments", "staging", saturday)).isEmpty();
        assertThat(calendar.freezeAt("billing", "production", saturday)).isEmpty();

        windows.add(single(FreezeScope.of(List.of(), List.of("staging")), "2026-03-28T00:00", "2026-03-29T00:00"));
        assertThat(calendar.freezeAt("billing", "staging", saturday)).isPresent();
        assertThat(calendar.freezeAt("billing", "production", saturday)).isEmpty();
    }

    @Test
    void a_window_ended_early_stops_covering_the_moment_it_was_ended() {
        var weekends = weekends(FreezeScope.EVERYTHING);
        var endedAt = Instant.parse("2026-03-28T12:00:00Z");
        weekends.end("bob", endedAt);
        windows.add(weekends);

        assertThat(calendar.freezeAt("payments", "production", endedAt.minusSeconds(60)))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(endedAt));
        assertThat(calendar.freezeAt("payments", "production", endedAt)).isEmpty();
        assertThat(calendar.freezeAt("payments", "production", Instant.parse("2026-04-04T12:00:00Z"))).isEmpty();
    }

    @Test
    void a_freeze_that_goes_on_for_ever_is_reported_until_the_end_of_the_look_ahead() {
        var always = FreezeWindow.declare(UUID.randomUUID(), "Always", "Every day, all day", FreezeSchedule.of(
                LocalDateTime.parse("2026-03-01T00:00"), LocalDateTime.parse("2026-03-02T00:00"), "UTC", "FREQ=DAILY"),
                FreezeScope.EVERYTHING, "alice", FreezeWindowTest.DECLARED);
        windows.add(always);
        var at = Instant.parse("2026-03-10T12:00:00Z");

        assertThat(calendar.freezeAt("payments", "production", at))
                .hasValueSatisfying(f -> assertThat(f.until()).isEqualTo(at.plus(FreezeCalendar.LOOK_AHEAD)));
    }

    @Test
    void the_calendar_lists_the_occurrences_of_every_window_in_a_range() {
        var weekends = weekends(PAYMENTS_IN_PRODUCTION);
        var later = single(FreezeScope.EVERYTHING, "2026-06-01T08:00", "2026-06-01T12:00");
        windows.add(weekends);
        windows.add(later);

        var scheduled = calendar.between(Instant.parse("2026-03-21T00:00:00Z"), Instant.parse("2026-04-04T00:00:00Z"));

        assertThat(scheduled).singleElement().satisfies(s -> {
            assertThat(s.window().id()).isEqualTo(weekends.id());
            assertThat(s.occurrences()).extracting(Occurrence::start).containsExactly(
                    Instant.parse("2026-03-20T15:00:00Z"), Instant.parse("2026-03-27T15:00:00Z"),
                    Instant.parse("2026-04-03T14:00:00Z"));
        });
    }
}
