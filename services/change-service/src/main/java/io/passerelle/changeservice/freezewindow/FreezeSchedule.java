package io.passerelle.changeservice.freezewindow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import org.jspecify.annotations.Nullable;

/**
 * When a freeze window applies: from a start to an end in local time in an IANA time zone, once or recurring by an
 * RFC 5545 RRULE whose first occurrence is that start. Each occurrence keeps the wall-clock times: a freeze every
 * Friday 16:00 to Monday 08:00 in Europe/Paris ends on Monday at 08:00 in Paris on either side of a change of
 * daylight saving time. ical4j expands the rule; nothing here computes dates by hand.
 */
public final class FreezeSchedule {

    /** The longest one occurrence may last. */
    public static final Duration LONGEST = Duration.ofDays(366);
    /** Occurrences of a rule start at least this far apart. */
    public static final Duration SHORTEST_RECURRENCE = Duration.ofHours(1);
    /** How far, and over how many occurrences, a rule is checked for occurrences that overlap each other. */
    static final Duration CHECKED_AHEAD = Duration.ofDays(2 * 366);
    static final int CHECKED_OCCURRENCES = 2_000;
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9000;
    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final LocalDateTime start;
    private final LocalDateTime end;
    private final ZoneId zone;
    private final @Nullable Recurrence recurrence;

    private FreezeSchedule(LocalDateTime start, LocalDateTime end, ZoneId zone, @Nullable Recurrence recurrence) {
        this.start = start;
        this.end = end;
        this.zone = zone;
        this.recurrence = recurrence;
    }

    /** A schedule from local date-times (to the second) in the time zone, checked. */
    public static FreezeSchedule of(LocalDateTime start, LocalDateTime end, String timeZone,
            @Nullable String recurrence) {
        var zone = zone(timeZone);
        if (start.getYear() < FIRST_YEAR || end.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("start and end fall between the years " + FIRST_YEAR + " and "
                    + LAST_YEAR);
        }
        var schedule = new FreezeSchedule(start.truncatedTo(ChronoUnit.SECONDS), end.truncatedTo(ChronoUnit.SECONDS),
                zone, recurrence == null ? null : Recurrence.parse(recurrence));
        try {
            schedule.check();
        } catch (IllegalArgumentException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // ical4j read the rule but could not expand it from this start
            throw new IllegalArgumentException("recurrence " + recurrence + " cannot be expanded from " + start);
        }
        return schedule;
    }

    /** A schedule whose first occurrence runs between two instants, read as local times in the time zone. */
    public static FreezeSchedule between(Instant start, Instant end, String timeZone, @Nullable String recurrence) {
        var zone = zone(timeZone);
        return of(LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone), zone.getId(), recurrence);
    }

    /** A schedule read back from the store, checked when it was declared. */
    public static FreezeSchedule restore(LocalDateTime start, LocalDateTime end, String timeZone,
            @Nullable String recurrence) {
        return new FreezeSchedule(start, end, ZoneId.of(timeZone),
                recurrence == null ? null : Recurrence.restore(recurrence));
    }

    /**
     * An IANA time zone (a region such as Europe/Paris, not an offset) that both Java and ical4j's time zone database
     * know, under its canonical name (ical4j's, which the iCalendar feed's VTIMEZONE carries).
     */
    static ZoneId zone(String id) {
        var unknown = new IllegalArgumentException("timeZone must be an IANA time zone such as Europe/Paris: '" + id
                + "' is not one");
        if (id.isEmpty() || id.length() > 64 || id.startsWith("ical4j")) {
            throw unknown;
        }
        try {
            var zone = ZoneId.of(id);
            if (zone instanceof ZoneOffset || !zone.getId().equals(id)) {
                throw unknown;
            }
            var known = TIME_ZONES.getTimeZone(id);
            if (known == null) {
                throw unknown;
            }
            return ZoneId.of(known.getID());
        } catch (DateTimeException e) {
            throw unknown;
        }
    }

    private void check() {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start (in " + zone + ")");
        }
        var first = first();
        if (Duration.between(first.start(), first.end()).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("an occurrence of a freeze window lasts at most " + LONGEST.toDays()
                    + " days");
        }
        if (recurrence == null) {
            return;
        }
        var seed = start.atZone(zone);
        if (recurrence.starts(seed, seed, seed, 1).findAny().isEmpty()) {
            throw new IllegalArgumentException("start must be the first occurrence of the recurrence (RFC 5545: a"
                    + " start out of step with its rule is undefined): " + seed.toLocalDateTime() + " is not one of "
                    + recurrence);
        }
        var occurrences = recurrence.starts(seed, seed, seed.plus(CHECKED_AHEAD), CHECKED_OCCURRENCES)
                .map(this::occurrence).sorted().toList();
        for (int i = 1; i < occurrences.size(); i++) {
            var previous = occurrences.get(i - 1);
            var next = occurrences.get(i);
            if (Duration.between(previous.start(), next.start()).compareTo(SHORTEST_RECURRENCE) < 0) {
                throw new IllegalArgumentException("the occurrences of a freeze window start at least an hour apart: "
                        + recurrence + " starts at " + previous.start() + " and " + next.start());
            }
            if (next.start().isBefore(previous.end())) {
                throw new IllegalArgumentException("the occurrences of the recurrence overlap each other: the one"
                        + " from " + previous.start() + " lasts until " + previous.end() + ", after the next starts at "
                        + next.start() + " (the window is longer than the time between its occurrences)");
            }
        }
    }

    public LocalDateTime start() {
        return start;
    }

    public LocalDateTime end() {
        return end;
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<Recurrence> recurrence() {
        return Optional.ofNullable(recurrence);
    }

    /** The first occurrence, from start to end. */
    public Occurrence first() {
        return new Occurrence(start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
    }

    /** How long each occurrence lasts in wall-clock time (its local end minus its local start). */
    public Duration length() {
        return Duration.between(start, end);
    }

    /** The occurrences that cover some instant of [from, to), in order; ical4j expands the rule over that range only. */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        if (recurrence == null) {
            var first = first();
            return first.start().isBefore(to) && first.end().isAfter(from) ? List.of(first) : List.of();
        }
        var seed = start.atZone(zone);
        // an occurrence that covers `from` started at most its length (give or take a clock change) before it
        var earliest = from.minus(length()).minus(Duration.ofHours(2)).atZone(zone);
        var occurrences = new ArrayList<Occurrence>();
        recurrence.starts(seed, earliest.isBefore(seed) ? seed : earliest, to.atZone(zone), -1)
                .map(this::occurrence)
                .filter(o -> o.start().isBefore(to) && o.end().isAfter(from))
                .forEach(occurrences::add);
        occurrences.sort(null);
        return List.copyOf(occurrences);
    }

    /** Whether some occurrence ends after the instant: false once the schedule is over. */
    public boolean endsAfter(Instant at) {
        if (recurrence == null) {
            return first().end().isAfter(at);
        }
        if (!recurrence.isBounded()) {
            return true;
        }
        var seed = start.atZone(zone);
        var from = at.minus(length()).minus(Duration.ofHours(2)).atZone(zone);
        // bounded by COUNT or UNTIL: looking far ahead costs at most the rule's own occurrences
        return recurrence.starts(seed, from.isBefore(seed) ? seed : from, seed.plusYears(1_000), 8)
                .map(this::occurrence).anyMatch(o -> o.end().isAfter(at));
    }

    /** The occurrence that starts then: it lasts the schedule's wall-clock length in the schedule's time zone. */
    private Occurrence occurrence(ZonedDateTime occurrenceStart) {
        var localEnd = occurrenceStart.toLocalDateTime().plus(length());
        return new Occurrence(occurrenceStart.toInstant(), localEnd.atZone(zone).toInstant());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FreezeSchedule s && s.start.equals(start) && s.end.equals(end) && s.zone.equals(zone)
                && Objects.equals(s.recurrence, recurrence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, zone, recurrence);
    }

    @Override
    public String toString() {
        return start + " to " + end + " " + zone + (recurrence == null ? "" : " " + recurrence);
    }
}
