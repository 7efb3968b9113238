package io.passerelle.changeservice.risk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hours that recur every week in a time zone: some days, from a local time (included) to a later one (excluded), in
 * an IANA zone ({@code Europe/Paris}). An environment's business hours, a standard-change template's allowed hours.
 * A window never spans midnight: {@code from} is before {@code to}.
 */
public record WeeklyHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public WeeklyHours {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("hours need at least one day of the week");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("hours from " + from + " to " + to + " are inverted or empty: "
                    + "'from' must be before 'to' (a window does not span midnight)");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /**
     * Hours as a request states them: days each named once, times as {@code HH:mm}, an IANA zone id (region ids such as
     * {@code Europe/Paris} or {@code UTC}; no bare offsets). Anything else is refused with the reason.
     */
    public static WeeklyHours of(Collection<DayOfWeek> days, String from, String to, String zone) {
        var distinct = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        if (distinct.size() != days.size()) {
            throw new IllegalArgumentException("hours name a day of the week twice");
        }
        return new WeeklyHours(distinct, time("from", from), time("to", to), zone(zone));
    }

    /** An IANA time zone id, or a refusal that says so. */
    public static ZoneId zone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new IllegalArgumentException("zone '" + zone + "' is not an IANA time zone (e.g. Europe/Paris, UTC)");
        }
        return ZoneId.of(zone);
    }

    private static LocalTime time(String name, String text) {
        if (!HH_MM.matcher(text).matches()) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a time of day HH:mm");
        }
        return LocalTime.parse(text);
    }

    /** Whether the instant falls on one of the days, within the hours, in the zone. */
    public boolean covers(Instant at) {
        var local = at.atZone(zone);
        var time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** The days in week order (Monday first). */
    public List<DayOfWeek> orderedDays() {
        return days.stream().sorted().toList();
    }

    /** For people: {@code Mon–Fri 09:00–17:00 Europe/Paris}, {@code Mon, Wed 22:00–23:00 UTC}. */
    @Override
    public String toString() {
        return dayRanges() + " " + from + "–" + to + " " + zone.getId();
    }

    private String dayRanges() {
        var ordered = orderedDays();
        var ranges = new ArrayList<String>();
        int start = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            if (i == ordered.size() || ordered.get(i).getValue() != ordered.get(i - 1).getValue() + 1) {
                var first = ordered.get(start);
                var last = ordered.get(i - 1);
                ranges.add(first == last ? name(first)
                        : last.getValue() == first.getValue() + 1 ? name(first) + ", " + name(last)
                        : name(first) + "–" + name(last));
                start = i;
            }
        }
        return String.join(", ", ranges);
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
