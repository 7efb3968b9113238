package io.passerelle.changeservice.freezewindow.adapter.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.passerelle.changeservice.freezewindow.CalendarChange;
import io.passerelle.changeservice.freezewindow.ChangeCalendar;
import io.passerelle.changeservice.freezewindow.FreezeWindow;
import io.passerelle.changeservice.freezewindow.Recurrence;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes the change calendar as an RFC 5545 document with ical4j, validated before it is written. A freeze window is one
 * VEVENT: its first occurrence's start with its time zone (TZID, and that zone's VTIMEZONE in the document), its RRULE
 * and its wall-clock length as a DURATION (whole days are nominal in RFC 5545, as the window's wall-clock times are;
 * only a clock change within the part after the whole days would shift an occurrence's end there by the change). A
 * window ended early has its rule cut after its last occurrence and, if that one was under way, an overriding
 * instance (RECURRENCE-ID) that ends when the window was ended. A change is one VEVENT in UTC. UIDs are stable, and
 * DTSTAMP is when the object last changed, so the same calendar reads the same every time.
 */
final class ICalendarFeed {

    static final String PRODUCT = "-//Passerelle//change-service//EN";
    static final String WINDOW_UID = "@freeze-window.passerelle.io";
    static final String CHANGE_UID = "@change.passerelle.io";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    String write(ChangeCalendar.View view) {
        var calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Passerelle change calendar"));
        view.freezes().stream().map(f -> f.window().schedule().zone().getId())
                .collect(Collectors.toCollection(TreeSet::new))
                .forEach(zone -> calendar.add(TIME_ZONES.getTimeZone(zone).getVTimeZone()));
        view.freezes().forEach(f -> events(f.window()).forEach(calendar::add));
        view.changes().forEach(c -> calendar.add(event(c)));
        if (calendar.getComponents().isEmpty()) {
            // RFC 5545 wants at least one component: a calendar with nothing in it carries the UTC time zone
            calendar.add(TIME_ZONES.getTimeZone("UTC").getVTimeZone());
        }
        var text = new StringWriter();
        try {
            var validation = calendar.validate();
            if (validation.hasErrors()) {
                throw new IllegalStateException("the calendar is not valid RFC 5545: " + validation);
            }
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar is not valid RFC 5545: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static List<VEvent> events(FreezeWindow window) {
        var schedule = window.schedule();
        var zone = schedule.zone();
        var endedAt = window.endedAt();
        var event = new VEvent(false);
        event.add(new Uid(window.id() + WINDOW_UID));
        event.add(new DtStamp(endedAt == null ? window.declaredAt() : endedAt));
        event.add(new DtStart<>(schedule.start().atZone(zone)));
        event.add(new Summary("Freeze: " + window.name()));
        event.add(new Description(description(window)));
        event.add(new Categories("Freeze window"));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        var events = new ArrayList<VEvent>(List.of(event));
        var recurrence = schedule.recurrence();
        if (recurrence.isEmpty()) {
            var first = schedule.first();
            var end = endedAt != null && endedAt.isBefore(first.end()) ? endedAt : first.end();
            event.add(new DtEnd<>(end.atZone(zone)));
            return events;
        }
        event.add(new net.fortuna.ical4j.model.property.Duration(new ParameterList(), nominal(schedule.length())));
        event.add(new RRule<>(endedAt == null ? recurrence.get().toString() : cut(window, recurrence.get(), endedAt)));
        if (endedAt != null) {
            // the occurrence under way when the window was ended stops then
            schedule.occurrences(endedAt.minusSeconds(1), endedAt).stream().filter(o -> o.end().isAfter(endedAt))
                    .forEach(o -> {
                        var instance = new VEvent(false);
                        instance.add(new Uid(window.id() + WINDOW_UID));
                        instance.add(new DtStamp(endedAt));
                        instance.add(new RecurrenceId<>(o.start().atZone(zone)));
                        instance.add(new DtStart<>(o.start().atZone(zone)));
                        instance.add(new DtEnd<>(endedAt.atZone(zone)));
                        instance.add(new Summary("Freeze: " + window.name()));
                        instance.add(new Description(description(window)));
                        instance.add(new Categories("Freeze window"));
                        instance.add(ImmutableStatus.VEVENT_CONFIRMED);
                        events.add(instance);
                    });
        }
        return events;
    }

    /**
     * The rule of a window ended early: only its occurrences that started before it was ended. An UNTIL becomes the
     * last second before that (occurrences start on whole seconds); a COUNT the number of those occurrences.
     */
    private static String cut(FreezeWindow window, Recurrence recurrence, Instant endedAt) {
        var parts = new ArrayList<>(Arrays.asList(recurrence.toString().split(";")));
        var count = parts.stream().filter(p -> p.startsWith("COUNT=")).findFirst();
        parts.removeIf(p -> p.startsWith("COUNT=") || p.startsWith("UNTIL="));
        if (count.isPresent()) {
            int started = window.schedule().occurrences(window.schedule().first().start(), endedAt).size();
            parts.add("COUNT=" + Math.min(started, Integer.parseInt(count.get().substring("COUNT=".length()))));
        } else {
            var until = endedAt.minusSeconds(1);
            parts.add("UNTIL=" + UTC.format(until));
        }
        return String.join(";", parts);
    }

    /** RFC 5545 DURATION: whole (nominal) days, then the exact rest. */
    private static String nominal(Duration length) {
        long days = length.toDays();
        var rest = length.minusDays(days);
        var text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!rest.isZero()) {
            text.append('T');
            if (rest.toHoursPart() > 0) {
                text.append(rest.toHoursPart()).append('H');
            }
            if (rest.toMinutesPart() > 0) {
                text.append(rest.toMinutesPart()).append('M');
            }
            if (rest.toSecondsPart() > 0) {
                text.append(rest.toSecondsPart()).append('S');
            }
        }
        return text.toString();
    }

    private static String description(FreezeWindow window) {
        var text = new StringBuilder(window.reason()).append("\n\nCovers ").append(window.scope()).append(".\nDeclared by ")
                .append(window.declaredBy()).append(" at ").append(window.declaredAt()).append('.');
        if (window.endedAt() != null) {
            text.append("\nEnded early by ").append(window.endedBy()).append(" at ").append(window.endedAt()).append('.');
        }
        return text.toString();
    }

    private static VEvent event(CalendarChange change) {
        var event = new VEvent(false);
        var closedAt = change.closedAt();
        event.add(new Uid(change.id() + CHANGE_UID));
        event.add(new DtStamp(closedAt == null ? change.authorizedAt() : closedAt));
        event.add(new DtStart<>(change.authorizedAt()));
        if (closedAt != null && closedAt.isAfter(change.authorizedAt())) {
            event.add(new DtEnd<>(closedAt));
        }
        event.add(new Summary("Change: " + change.title() + " (" + change.service() + ", " + change.environment() + ")"));
        event.add(new Description("Change " + change.id() + ", " + change.type() + ", " + change.state()
                + ". Authorized at " + change.authorizedAt()
                + (closedAt == null ? ", not closed." : ", closed at " + closedAt + ".")));
        event.add(new Categories("Change"));
        return event;
    }
}
