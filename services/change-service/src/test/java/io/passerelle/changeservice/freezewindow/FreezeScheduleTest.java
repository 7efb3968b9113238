package io.passerelle.changeservice.freezewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class FreezeScheduleTest {

    static final String PARIS = "Europe/Paris";
    /** Every Friday 16:00 to Monday 08:00 in Paris, from Friday 20 March 2026 (the clocks go forward on the 29th). */
    static final FreezeSchedule WEEKENDS = FreezeSchedule.of(LocalDateTime.parse("2026-03-20T16:00"),
            LocalDateTime.parse("2026-03-23T08:00"), PARIS, "FREQ=WEEKLY;BYDAY=FR");

    @Test
    void a_weekend_freeze_keeps_its_wall_clock_times_across_the_change_to_summer_time() {
        var occurrences = WEEKENDS.occurrences(Instant.parse("2026-03-20T00:00:00Z"),
                Instant.parse("2026-04-07T00:00:00Z"));

        assertThat(occurrences).containsExactly(
                occurrence("2026-03-20T15:00:00Z", "2026-03-23T07:00:00Z"),
                // Friday 16:00 CET to Monday 08:00 CEST: 63 hours, still Monday 08:00 in Paris
                occurrence("2026-03-27T15:00:00Z", "2026-03-30T06:00:00Z"),
                occurrence("2026-04-03T14:00:00Z", "2026-04-06T06:00:00Z"));
        assertThat(occurrences).allSatisfy(o -> {
            assertThat(paris(o.start()).getDayOfWeek()).hasToString("FRIDAY");
            assertThat(paris(o.start()).getHour()).isEqualTo(16);
            assertThat(paris(o.end()).getDayOfWeek()).hasToString("MONDAY");
            assertThat(paris(o.end()).getHour()).isEqualTo(8);
        });
    }

    @Test
    void and_across_the_change_back_to_winter_time() {
        assertThat(WEEKENDS.occurrences(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-25T00:00:00Z")))
                // Friday 16:00 CEST to Monday 08:00 CET: 65 hours
                .containsExactly(occurrence("2026-10-23T14:00:00Z", "2026-10-26T07:00:00Z"));
    }

    @Test
    void an_open_ended_rule_is_expanded_over_the_range_asked_for_only() {
        var daily = FreezeSchedule.of(LocalDateTime.parse("2026-01-01T22:00"), LocalDateTime.parse("2026-01-02T06:00"),
                "UTC", "FREQ=DAILY");

        assertThat(daily.occurrences(Instant.parse("2126-01-01T00:00:00Z"), Instant.parse("2126-01-11T00:00:00Z")))
                .hasSize(11)
                .startsWith(occurrence("2125-12-31T22:00:00Z", "2126-01-01T06:00:00Z"));
        assertThat(daily.endsAfter(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void a_year_end_freeze_recurs_every_year_until_its_count_is_reached() {
        var yearEnd = FreezeSchedule.of(LocalDateTime.parse("2026-12-18T18:00"),
                LocalDateTime.parse("2027-01-04T08:00"), PARIS, "FREQ=YEARLY;COUNT=2");

        assertThat(yearEnd.occurrences(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")))
                .containsExactly(occurrence("2026-12-18T17:00:00Z", "2027-01-04T07:00:00Z"),
                        occurrence("2027-12-18T17:00:00Z", "2028-01-04T07:00:00Z"));
        assertThat(yearEnd.endsAfter(Instant.parse("2028-01-04T06:59:59Z"))).isTrue();
        assertThat(yearEnd.endsAfter(Instant.parse("2028-01-04T07:00:00Z"))).isFalse();
    }

    @Test
    void a_single_window_is_its_first_occurrence() {
        var once = FreezeSchedule.between(Instant.parse("2026-12-18T17:00:00Z"), Instant.parse("2027-01-04T07:00:00Z"),
                PARIS, null);

        assertThat(once.start()).isEqualTo(LocalDateTime.parse("2026-12-18T18:00"));
        assertThat(once.end()).isEqualTo(LocalDateTime.parse("2027-01-04T08:00"));
        assertThat(once.occurrences(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")))
                .containsExactly(once.first());
        assertThat(once.occurrences(Instant.parse("2027-01-04T07:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void an_alias_of_a_time_zone_is_stored_under_its_canonical_name() {
        var schedule = FreezeSchedule.of(LocalDateTime.parse("2026-12-18T18:00"),
                LocalDateTime.parse("2026-12-19T08:00"), "US/Pacific", null);

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void bad_schedules_are_refused_saying_why() {
        var start = LocalDateTime.parse("2026-03-20T16:00");
        var end = LocalDateTime.parse("2026-03-23T08:00");
        record Bad(LocalDateTime start, LocalDateTime end, String zone, String rule, String why) {
        }
        for (var bad : List.of(
                new Bad(end, start, PARIS, null, "end must be after start"),
                new Bad(start, start, PARIS, null, "end must be after start"),
                new Bad(start, start.plusDays(367), PARIS, null, "at most 366 days"),
                new Bad(start.withYear(9001), end.withYear(9001), PARIS, null, "between the years 1970 and 9000"),
                new Bad(start.withYear(1), end.withYear(1), PARIS, null, "between the years 1970 and 9000"),
                new Bad(start, end, "Mars/Olympus_Mons", null, "IANA time zone"),
                new Bad(start, end, "europe/paris", null, "IANA time zone"),
                new Bad(start, end, "+02:00", null, "IANA time zone"),
                new Bad(start, end, "GMT+1", null, "IANA time zone"),
                new Bad(start, end, "", null, "IANA time zone"),
                new Bad(start, end, PARIS, "FREQ=FORTNIGHTLY", "Invalid value FORTNIGHTLY"),
                new Bad(start, end, PARIS, "BYDAY=FR", "MUST contain a FREQ"),
                new Bad(start, end, PARIS, "RRULE:FREQ=WEEKLY", "is not a rule part"),
                new Bad(start, end, PARIS, "freq=weekly", "upper case"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;;BYDAY=FR", "is not a rule part"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;BYDAY=FR;BYDAY=MO", "BYDAY appears twice"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;X-SPECIAL=1", "is not a rule part"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;RSCALE=HEBREW", "RSCALE is not a rule part"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;COUNT=3;UNTIL=20261231T230000Z", "COUNT and UNTIL"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;UNTIL=20261231T230000", "UNTIL must be a date-time in UTC"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;UNTIL=20261231", "UNTIL must be a date-time in UTC"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;UNTIL=20261331T230000Z", "RRULE"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be 1 to"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;INTERVAL=x", "RRULE"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;COUNT=0", "COUNT must be 1 to"),
                new Bad(start, end, PARIS, "FREQ=MINUTELY", "at most hourly"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;BYDAY=TH", "start must be the first occurrence"),
                new Bad(start, end, PARIS, "x".repeat(501), "1 to 500 characters"),
                // longer than the time between two occurrences
                new Bad(start, start.plusDays(8), PARIS, "FREQ=WEEKLY", "overlap each other"),
                new Bad(start, start.plusHours(25), PARIS, "FREQ=DAILY", "overlap each other"),
                new Bad(start, end, PARIS, "FREQ=WEEKLY;BYDAY=FR,SA", "overlap each other"),
                new Bad(start, start.plusMinutes(20), PARIS, "FREQ=HOURLY;BYMINUTE=0,30", "at least an hour apart"))) {
            assertThatThrownBy(() -> FreezeSchedule.of(bad.start(), bad.end(), bad.zone(), bad.rule()))
                    .as(bad.toString()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.why())
                    .hasMessageNotContaining("Exception");
        }
    }

    /** Whatever a client sends, the answer is a schedule or a refusal that says why, never a failure. */
    @Test
    void odd_rules_are_expanded_or_refused_never_broken() {
        var start = LocalDateTime.parse("2026-03-20T16:00");
        for (var rule : List.of("FREQ=DAILY;BYWEEKNO=12", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;BYSETPOS=-1",
                "FREQ=MONTHLY;BYDAY=5FR", "FREQ=MONTHLY;BYDAY=-5FR", "FREQ=YEARLY;BYYEARDAY=-1", "FREQ=YEARLY;BYWEEKNO=-53",
                "FREQ=YEARLY;BYDAY=20FR", "FREQ=MONTHLY;BYMONTHDAY=-31", "FREQ=HOURLY;BYSECOND=60",
                "FREQ=DAILY;BYHOUR=16;BYMINUTE=0;BYSECOND=0", "FREQ=WEEKLY;WKST=SU;INTERVAL=1000",
                "FREQ=YEARLY;UNTIL=20200101T000000Z", "FREQ=DAILY;COUNT=10000", "FREQ=HOURLY;COUNT=10000",
                "FREQ=YEARLY;BYMONTH=13", "FREQ=MONTHLY;BYDAY=+1FR;BYSETPOS=1", "FREQ=WEEKLY;BYDAY=0FR",
                "FREQ=DAILY;INTERVAL=2147483648", "FREQ=DAILY;COUNT=99999999999", "FREQ=WEEKLY;UNTIL=99991231T235959Z",
                "FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYSETPOS=3")) {
            try {
                var schedule = FreezeSchedule.of(start, start.plusHours(1), PARIS, rule);
                assertThat(schedule.occurrences(Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z"))).as(rule).isNotNull();
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as(rule).doesNotContain("Exception").doesNotContain("java.");
            }
        }
    }

    @Test
    void occurrences_that_touch_do_not_overlap() {
        var everyDay = FreezeSchedule.of(LocalDateTime.parse("2026-03-20T00:00"), LocalDateTime.parse("2026-03-21T00:00"),
                PARIS, "FREQ=DAILY;COUNT=3");

        assertThat(everyDay.occurrences(Instant.parse("2026-03-19T00:00:00Z"), Instant.parse("2026-03-25T00:00:00Z")))
                .hasSize(3);
    }

    static Occurrence occurrence(String start, String end) {
        return new Occurrence(Instant.parse(start), Instant.parse(end));
    }

    private static ZonedDateTime paris(Instant instant) {
        return instant.atZone(ZoneId.of(PARIS));
    }
}
