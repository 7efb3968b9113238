package io.passerelle.changeservice.freezewindow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.passerelle.changeservice.freezewindow.port.CalendarChanges;

/** The change calendar: the freeze windows and the changes of a range of time, at most {@link #LONGEST} long. */
public class ChangeCalendar {

    public static final Duration LONGEST = Duration.ofDays(366);

    private final FreezeCalendar freezes;
    private final CalendarChanges changes;

    public ChangeCalendar(FreezeCalendar freezes, CalendarChanges changes) {
        this.freezes = freezes;
        this.changes = changes;
    }

    /** The calendar of [from, to); refused (400) unless from is before to and the range at most 366 days. */
    public View between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the calendar covers at most " + LONGEST.toDays() + " days at once");
        }
        return new View(from, to, freezes.between(from, to), changes.between(from, to));
    }

    /** What happens in [from, to): the occurrences of the freeze windows, and the changes authorized to happen. */
    public record View(Instant from, Instant to, List<ScheduledFreeze> freezes, List<CalendarChange> changes) {

        public View {
            freezes = List.copyOf(freezes);
            changes = List.copyOf(changes);
        }
    }
}
