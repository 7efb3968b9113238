package io.passerelle.changeservice.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    private static final List<DayOfWeek> WEEKDAYS = List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void hours_cover_their_days_from_the_first_minute_to_before_the_last_in_their_zone() {
        var office = WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "Europe/Paris");

        assertThat(office.covers(Instant.parse("2026-11-25T08:00:00Z"))).as("Wed 09:00 Paris").isTrue();
        assertThat(office.covers(Instant.parse("2026-11-25T15:59:59Z"))).as("Wed 16:59:59 Paris").isTrue();
        assertThat(office.covers(Instant.parse("2026-11-25T16:00:00Z"))).as("Wed 17:00 Paris").isFalse();
        assertThat(office.covers(Instant.parse("2026-11-25T07:59:59Z"))).as("Wed 08:59:59 Paris").isFalse();
        assertThat(office.covers(Instant.parse("2026-11-28T10:00:00Z"))).as("Sat").isFalse();
        assertThat(office.covers(Instant.parse("2026-07-01T07:30:00Z"))).as("Wed 09:30 Paris in summer time").isTrue();
    }

    @Test
    void hours_describe_themselves_for_people_with_ranges_of_days() {
        assertThat(WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "Europe/Paris"))
                .hasToString("Mon–Fri 09:00–17:00 Europe/Paris");
        assertThat(WeeklyHours.of(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), "22:00", "23:30",
                "UTC")).hasToString("Mon, Wed, Fri 22:00–23:30 UTC");
        assertThat(WeeklyHours.of(List.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY), "00:00", "06:00", "America/New_York"))
                .hasToString("Mon–Wed, Sat, Sun 00:00–06:00 America/New_York");
    }

    @Test
    void inverted_or_empty_hours_unknown_zones_bad_times_and_days_named_twice_are_refused() {
        for (var refused : List.<Runnable>of(
                () -> WeeklyHours.of(WEEKDAYS, "17:00", "09:00", "Europe/Paris"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "09:00", "Europe/Paris"),
                () -> WeeklyHours.of(List.of(), "09:00", "17:00", "Europe/Paris"),
                () -> WeeklyHours.of(List.of(DayOfWeek.MONDAY, DayOfWeek.MONDAY), "09:00", "17:00", "Europe/Paris"),
                () -> WeeklyHours.of(WEEKDAYS, "9:00", "17:00", "Europe/Paris"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "24:00", "Europe/Paris"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00:00", "17:00", "Europe/Paris"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "Mars/Olympus_Mons"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "+02:00"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "europe/paris"),
                () -> WeeklyHours.of(WEEKDAYS, "09:00", "17:00", ""))) {
            assertThatThrownBy(refused::run).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> WeeklyHours.of(WEEKDAYS, "17:00", "09:00", "Europe/Paris"))
                .hasMessageContaining("inverted");
        assertThatThrownBy(() -> WeeklyHours.of(WEEKDAYS, "09:00", "17:00", "Mars/Olympus_Mons"))
                .hasMessageContaining("IANA");
    }
}
