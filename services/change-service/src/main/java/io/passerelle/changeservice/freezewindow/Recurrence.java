package io.passerelle.changeservice.freezewindow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An RFC 5545 recurrence rule (the value of an RRULE, e.g. {@code FREQ=WEEKLY;BYDAY=FR}), read and expanded by
 * ical4j. Stricter than the library on the syntax only: upper-case rule parts, each once; COUNT or UNTIL, not both;
 * UNTIL in UTC (RFC 5545 requires it when the start has a time zone); no RSCALE. A freeze recurs at most hourly.
 */
public final class Recurrence {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_COUNT = 10_000;
    public static final int MAX_INTERVAL = 1_000;
    private static final Set<String> PARTS = Set.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE",
            "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");
    private static final Pattern PART = Pattern.compile("([A-Z]+)=[A-Z0-9,+-]+");
    /** What a library message must not show a client: class names and the like. */
    private static final Pattern INTERNAL = Pattern.compile("[A-Za-z]+(Exception|Error)\\b|\\bjava\\.|\\$");

    private final Recur<ZonedDateTime> rule;

    private Recurrence(Recur<ZonedDateTime> rule) {
        this.rule = rule;
    }

    /** Reads an RRULE value, refusing what this class does not admit with a message that says why. */
    public static Recurrence parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid("must hold 1 to " + MAX_LENGTH + " characters");
        }
        var seen = new HashSet<String>();
        for (var part : text.split(";", -1)) {
            var matcher = PART.matcher(part);
            if (!matcher.matches()) {
                throw invalid("'" + part + "' is not a rule part NAME=VALUE in upper case");
            }
            var name = matcher.group(1);
            if (!PARTS.contains(name)) {
                throw invalid(name + " is not a rule part a freeze window admits");
            }
            if (!seen.add(name)) {
                throw invalid(name + " appears twice");
            }
        }
        if (seen.contains("COUNT") && seen.contains("UNTIL")) {
            throw invalid("COUNT and UNTIL must not both appear (RFC 5545)");
        }
        Recur<ZonedDateTime> rule;
        try {
            rule = new Recur<>(text);
        } catch (RuntimeException e) {
            throw invalid(readable(e));
        }
        var recurrence = new Recurrence(rule);
        recurrence.check(seen);
        return recurrence;
    }

    /** A rule read back from the store, checked when it was declared. */
    static Recurrence restore(String text) {
        return new Recurrence(new Recur<>(text));
    }

    private void check(Set<String> parts) {
        if (rule.getFrequency() == Frequency.SECONDLY || rule.getFrequency() == Frequency.MINUTELY) {
            throw invalid("a freeze window recurs at most hourly (FREQ=HOURLY or less often)");
        }
        if (parts.contains("COUNT") && (rule.getCount() < 1 || rule.getCount() > MAX_COUNT)) {
            throw invalid("COUNT must be 1 to " + MAX_COUNT);
        }
        if (parts.contains("INTERVAL") && (rule.getInterval() < 1 || rule.getInterval() > MAX_INTERVAL)) {
            throw invalid("INTERVAL must be 1 to " + MAX_INTERVAL);
        }
        Temporal until = ((Recur<?>) rule).getUntil();
        if (parts.contains("UNTIL") && !(until instanceof OffsetDateTime utc && utc.getOffset().equals(ZoneOffset.UTC))) {
            throw invalid("UNTIL must be a date-time in UTC such as 20261231T230000Z (RFC 5545, for a start with a"
                    + " time zone)");
        }
    }

    /** Whether the rule ends (COUNT or UNTIL) rather than going on for ever. */
    public boolean isBounded() {
        return rule.getCount() >= 1 || ((Recur<?>) rule).getUntil() != null;
    }

    /**
     * The starts of the occurrences from {@code from} to {@code to} (both included), the first occurrence starting at
     * {@code seed}; at most {@code max} of them (a negative max: no limit). Not necessarily in order.
     */
    Stream<ZonedDateTime> starts(ZonedDateTime seed, ZonedDateTime from, ZonedDateTime to, int max) {
        return rule.getDatesAsStream(seed, from, to, max);
    }

    /** The rule as RFC 5545 writes it (ical4j's canonical order of the parts). */
    @Override
    public String toString() {
        return rule.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Recurrence r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("recurrence is not an RFC 5545 RRULE a freeze window admits: " + why);
    }

    private static String readable(RuntimeException e) {
        var message = e.getMessage();
        return message == null || INTERNAL.matcher(message).find() ? "it could not be read" : message;
    }
}
