package io.passerelle.console.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.passerelle.console.calendar.CalendarGrid.Day;
import io.passerelle.console.calendar.CalendarGrid.Entry;
import io.passerelle.console.calendar.CalendarGrid.Kind;
import io.passerelle.console.calendar.CalendarGrid.View;
import org.junit.jupiter.api.Test;

class CalendarGridTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    @Test
    void a_month_is_the_whole_weeks_monday_to_sunday_that_hold_its_days() {
        var grid = CalendarGrid.of(View.MONTH, LocalDate.parse("2026-11-18"), TODAY);
        assertThat(grid.first()).isEqualTo(LocalDate.parse("2026-10-26"));
        assertThat(grid.last()).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(grid.days()).hasSize(42);
        assertThat(grid.weeks()).hasSize(6).allSatisfy(week -> {
            assertThat(week).hasSize(7);
            assertThat(week.getFirst().date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
        assertThat(grid.days().stream().filter(Day::inPeriod)).hasSize(30);
        assertThat(grid.days().stream().filter(Day::today).map(Day::date)).containsExactly(TODAY);
        assertThat(grid.from()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(grid.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void a_month_that_starts_on_monday_and_ends_on_sunday_has_no_day_outside() {
        var grid = CalendarGrid.of(View.MONTH, LocalDate.parse("2027-02-10"), TODAY); // 1 Feb 2027 is a Monday
        assertThat(grid.days()).hasSize(28).allMatch(Day::inPeriod);
    }

    @Test
    void a_week_runs_monday_to_sunday_and_moves_by_seven_days() {
        var grid = CalendarGrid.of(View.WEEK, LocalDate.parse("2026-12-03"), TODAY);
        assertThat(grid.first()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(grid.last()).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(grid.days()).hasSize(7).allMatch(Day::inPeriod);
        assertThat(grid.previous()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(grid.next()).isEqualTo(LocalDate.parse("2026-12-10"));
    }

    @Test
    void previous_and_next_months_start_on_their_first_day_across_years() {
        var grid = CalendarGrid.of(View.MONTH, LocalDate.parse("2026-12-31"), TODAY);
        assertThat(grid.previous()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(grid.next()).isEqualTo(LocalDate.parse("2027-01-01"));
    }

    @Test
    void an_entry_covers_each_day_it_overlaps_its_end_excluded() {
        var freeze = new Entry(Kind.FREEZE, "w", "Black Friday", "checkout · production", null,
                Instant.parse("2026-11-27T16:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
        var grid = CalendarGrid.of(View.WEEK, TODAY.minusDays(3), TODAY).with(List.of(freeze));
        assertThat(grid.days().stream().filter(Day::frozen).map(Day::date)).containsExactly(
                LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-29"));
    }

    @Test
    void a_change_not_closed_stays_on_the_calendar_up_to_today_and_freezes_come_first() {
        var change = new Entry(Kind.CHANGE, "c", "Deploy", "checkout · production", "SCHEDULED",
                Instant.parse("2026-11-28T10:00:00Z"), null);
        var freeze = new Entry(Kind.FREEZE, "w", "Freeze", "every service", null,
                Instant.parse("2026-11-29T12:00:00Z"), Instant.parse("2026-11-29T13:00:00Z"));
        var grid = CalendarGrid.of(View.MONTH, TODAY, TODAY).with(List.of(change, freeze));
        assertThat(grid.days().stream().filter(d -> !d.entries().isEmpty()).map(Day::date)).containsExactly(
                LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-29"), TODAY);
        var sunday = grid.days().stream().filter(d -> d.date().equals(LocalDate.parse("2026-11-29"))).findFirst().orElseThrow();
        assertThat(sunday.entries()).extracting(Entry::title).containsExactly("Freeze", "Deploy");
    }

    @Test
    void a_change_authorized_after_today_shows_on_its_own_day_only() {
        var later = new Entry(Kind.CHANGE, "c", "Later", "a · b", "SCHEDULED", Instant.parse("2026-12-02T10:00:00Z"), null);
        var grid = CalendarGrid.of(View.WEEK, TODAY, TODAY).with(List.of(later));
        assertThat(grid.days().stream().filter(d -> !d.entries().isEmpty()).map(Day::date))
                .containsExactly(LocalDate.parse("2026-12-02"));
    }

    @Test
    void titles_and_weekdays_are_in_the_user_s_language() {
        var grid = CalendarGrid.of(View.MONTH, TODAY, TODAY);
        assertThat(grid.title(Locale.ENGLISH)).isEqualTo("November 2026");
        assertThat(grid.title(Locale.FRENCH)).isEqualTo("Novembre 2026");
        assertThat(CalendarGrid.weekdays(Locale.FRENCH).getFirst()).startsWith("lun");
        assertThat(grid.days().getFirst().label(Locale.ENGLISH)).isEqualTo("Monday 26 October 2026");
        assertThat(CalendarGrid.of(View.WEEK, TODAY, TODAY).title(Locale.ENGLISH)).isEqualTo("Nov 30, 2026 – Dec 6, 2026");
        assertThat(View.of("week")).isEqualTo(View.WEEK);
        assertThat(View.of(null)).isEqualTo(View.MONTH);
        assertThat(View.of("anything")).isEqualTo(View.MONTH);
    }
}
