package io.passerelle.changeservice.freezewindow.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.CalendarChange;
import io.passerelle.changeservice.freezewindow.ChangeCalendar;
import io.passerelle.changeservice.freezewindow.FreezeSchedule;
import io.passerelle.changeservice.freezewindow.FreezeScope;
import io.passerelle.changeservice.freezewindow.FreezeWindow;
import io.passerelle.changeservice.freezewindow.ScheduledFreeze;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar feed, read back with ical4j's parser as a calendar application would. */
class ICalendarFeedTest {

    private static final Instant DECLARED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-13T00:00:00Z");

    private final FreezeWindow weekends = FreezeWindow.declare(UUID.randomUUID(), "Weekends", "Nobody watches",
            FreezeSchedule.of(LocalDateTime.parse("2026-03-20T16:00"), LocalDateTime.parse("2026-03-23T08:00"),
                    "Europe/Paris", "FREQ=WEEKLY;BYDAY=FR"),
            new FreezeScope(Set.of("payments"), Set.of("production")), "alice", DECLARED);
    private final FreezeWindow nights = FreezeWindow.declare(UUID.randomUUID(), "Nights", "Batch runs",
            FreezeSchedule.of(LocalDateTime.parse("2026-03-16T22:00"), LocalDateTime.parse("2026-03-17T06:00"),
                    "America/New_York", "FREQ=DAILY;COUNT=30"),
            FreezeScope.EVERYTHING, "alice", DECLARED);
    private final FreezeWindow migration = FreezeWindow.declare(UUID.randomUUID(), "Migration", "Database, v2",
            FreezeSchedule.of(LocalDateTime.parse("2026-04-01T08:00"), LocalDateTime.parse("2026-04-01T20:00"), "UTC",
                    null),
            FreezeScope.EVERYTHING, "alice", DECLARED);
    private final CalendarChange closed = new CalendarChange(UUID.randomUUID(), "NORMAL", "CLOSED", "payments",
            "production", "Deploy payments 1.4.2, with a ; and a , in it", Instant.parse("2026-03-18T10:00:00Z"),
            Instant.parse("2026-03-18T10:20:00Z"));
    private final CalendarChange open = new CalendarChange(UUID.randomUUID(), "STANDARD", "AUTHORIZED", "billing",
            "staging", "Rotate keys", Instant.parse("2026-03-19T09:00:00Z"), null);

    @Test
    void windows_and_changes_are_events_a_calendar_application_reads_back() throws Exception {
        // the nightly window is ended early on 20 March at 03:00 New York time, during its fourth night
        nights.end("bob", Instant.parse("2026-03-20T07:00:00Z"));
        var text = new ICalendarFeed().write(view(weekends, nights, migration));

        var calendar = new CalendarBuilder().build(new StringReader(text));

        assertThat(text).contains("\r\n").startsWith("BEGIN:VCALENDAR");
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(value(calendar, Property.PRODID)).isEqualTo(ICalendarFeed.PRODUCT);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(3);

        var weekend = event(calendar, weekends.id() + ICalendarFeed.WINDOW_UID, false);
        assertThat(weekend.getProperty(Property.DTSTART).orElseThrow().toString().trim())
                .isEqualTo("DTSTART;TZID=Europe/Paris:20260320T160000");
        assertThat(value(weekend, Property.DURATION)).isEqualTo("P2DT16H");
        assertThat(value(weekend, Property.RRULE)).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
        assertThat(value(weekend, Property.SUMMARY)).isEqualTo("Freeze: Weekends");
        assertThat(value(weekend, Property.DESCRIPTION)).contains("Nobody watches", "services payments in production");
        assertThat(starts(weekend)).containsExactlyElementsOf(weekends.occurrences(FROM, TO).stream()
                .map(o -> o.start()).toList());

        var night = event(calendar, nights.id() + ICalendarFeed.WINDOW_UID, false);
        assertThat(value(night, Property.RRULE)).isEqualTo("FREQ=DAILY;COUNT=4");
        assertThat(value(night, Property.DESCRIPTION)).contains("Ended early by bob at 2026-03-20T07:00:00Z");
        var cut = event(calendar, nights.id() + ICalendarFeed.WINDOW_UID, true);
        assertThat(cut.getProperty(Property.RECURRENCE_ID).orElseThrow().toString().trim())
                .isEqualTo("RECURRENCE-ID;TZID=America/New_York:20260319T220000");
        assertThat(cut.getProperty(Property.DTEND).orElseThrow().toString().trim())
                .isEqualTo("DTEND;TZID=America/New_York:20260320T030000");

        var once = event(calendar, migration.id() + ICalendarFeed.WINDOW_UID, false);
        assertThat(value(once, Property.DTSTART)).isEqualTo("20260401T080000");
        assertThat(value(once, Property.DTEND)).isEqualTo("20260401T200000");
        assertThat(once.getProperty(Property.RRULE)).isEmpty();

        var change = event(calendar, closed.id() + ICalendarFeed.CHANGE_UID, false);
        assertThat(value(change, Property.DTSTART)).isEqualTo("20260318T100000Z");
        assertThat(value(change, Property.DTEND)).isEqualTo("20260318T102000Z");
        assertThat(value(change, Property.SUMMARY))
                .isEqualTo("Change: Deploy payments 1.4.2, with a ; and a , in it (payments, production)");
        var authorized = event(calendar, open.id() + ICalendarFeed.CHANGE_UID, false);
        assertThat(authorized.getProperty(Property.DTEND)).isEmpty();
        assertThat(value(authorized, Property.DESCRIPTION)).contains("STANDARD, AUTHORIZED", "not closed");
    }

    @Test
    void the_same_calendar_reads_the_same_every_time() {
        var view = view(weekends, migration);

        assertThat(new ICalendarFeed().write(view)).isEqualTo(new ICalendarFeed().write(view));
    }

    @Test
    void an_empty_calendar_is_still_a_valid_one() throws Exception {
        var text = new ICalendarFeed().write(new ChangeCalendar.View(FROM, TO, List.of(), List.of()));

        var calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
        assertThat(calendar.validate().hasErrors()).isFalse();
    }

    private ChangeCalendar.View view(FreezeWindow... windows) {
        return new ChangeCalendar.View(FROM, TO, java.util.Arrays.stream(windows)
                .map(w -> new ScheduledFreeze(w, w.occurrences(FROM, TO))).toList(), List.of(closed, open));
    }

    /** The starts ical4j computes from the event's DTSTART, RRULE and DURATION, in the range. */
    private static List<Instant> starts(VEvent event) {
        List<Period<Temporal>> periods = List.copyOf(event.<Temporal>calculateRecurrenceSet(
                new Period<>(FROM.atZone(java.time.ZoneOffset.UTC), TO.atZone(java.time.ZoneOffset.UTC))));
        return periods.stream().map(p -> ((ZonedDateTime) p.getStart()).toInstant()).sorted().toList();
    }

    private static VEvent event(Calendar calendar, String uid, boolean instance) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> value(e, Property.UID).equals(uid))
                .filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent() == instance)
                .findFirst().orElseThrow(() -> new AssertionError("no event " + uid));
    }

    private static String value(Calendar calendar, String property) {
        return calendar.<Property>getProperty(property).map(Property::getValue).orElseThrow();
    }

    private static String value(Component component, String property) {
        Optional<Property> found = component.getProperty(property);
        return found.map(Property::getValue).orElseThrow(() -> new AssertionError("no " + property));
    }
}
