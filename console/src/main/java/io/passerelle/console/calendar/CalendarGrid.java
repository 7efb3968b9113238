package io.passerelle.console.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The days a month or a week view shows, in UTC, weeks starting on Monday: a month is the whole weeks that hold its
 * days (the days of the months around it marked outside), a week is Monday to Sunday. Each day lists the entries
 * (freeze occurrences, changes) that cover some instant of it; an entry with no end (a change not closed yet) covers
 * its days up to today.
 */
public record CalendarGrid(View view, LocalDate anchor, LocalDate today, List<Day> days) {

    public enum View {
        MONTH, WEEK;

        static View of(@Nullable String name) {
            return "week".equalsIgnoreCase(name) ? WEEK : MONTH;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind { FREEZE, CHANGE }

    /** Something on the calendar from {@code start} to {@code end} (excluded), or open-ended when end is null. */
    public record Entry(Kind kind, String id, String title, String where, @Nullable String state, Instant start,
            @Nullable Instant end) {

        public boolean covers(LocalDate day, LocalDate today) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!start.isBefore(dayEnd)) {
                return false;
            }
            if (end == null) {
                LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
                return !day.isAfter(today.isBefore(first) ? first : today);
            }
            return end.isAfter(dayStart);
        }

        public boolean freeze() {
            return kind == Kind.FREEZE;
        }
    }

    public record Day(LocalDate date, boolean inPeriod, boolean today, List<Entry> entries) {

        public boolean frozen() {
            return entries.stream().anyMatch(Entry::freeze);
        }

        public String label(Locale locale) {
            return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + date.getYear();
        }
    }

    public static CalendarGrid of(View view, LocalDate anchor, LocalDate today) {
        LocalDate first;
        LocalDate last;
        if (view == View.WEEK) {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = first.plusDays(6);
        } else {
            first = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }
        var days = new ArrayList<Day>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean inPeriod = view == View.WEEK || day.getMonth() == anchor.getMonth();
            days.add(new Day(day, inPeriod, day.equals(today), List.of()));
        }
        return new CalendarGrid(view, anchor, today, List.copyOf(days));
    }

    /** The same days, each with the entries that cover it: freezes first, then by start. */
    public CalendarGrid with(List<Entry> entries) {
        var sorted = entries.stream()
                .sorted(Comparator.comparing((Entry e) -> e.kind()).thenComparing(Entry::start)).toList();
        var placed = days.stream().map(d -> new Day(d.date(), d.inPeriod(), d.today(),
                sorted.stream().filter(e -> e.covers(d.date(), today)).toList())).toList();
        return new CalendarGrid(view, anchor, today, placed);
    }

    public LocalDate first() {
        return days.getFirst().date();
    }

    public LocalDate last() {
        return days.getLast().date();
    }

    /** The start of the first day shown, the range's start for the API. */
    public Instant from() {
        return first().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of the last day shown (excluded). */
    public Instant to() {
        return last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public LocalDate previous() {
        return view == View.WEEK ? anchor.minusWeeks(1) : anchor.minusMonths(1).withDayOfMonth(1);
    }

    public LocalDate next() {
        return view == View.WEEK ? anchor.plusWeeks(1) : anchor.plusMonths(1).withDayOfMonth(1);
    }

    /** The days, seven by seven. */
    public List<List<Day>> weeks() {
        var weeks = new ArrayList<List<Day>>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, i + 7));
        }
        return weeks;
    }

    /** Monday to Sunday, short names in the user's language. */
    public static List<String> weekdays(Locale locale) {
        return java.util.Arrays.stream(DayOfWeek.values()).map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList();
    }

    /** "November 2026", or the week's first and last days. */
    public String title(Locale locale) {
        if (view == View.MONTH) {
            String month = anchor.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
            return month.substring(0, 1).toUpperCase(locale) + month.substring(1) + " " + anchor.getYear();
        }
        var day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        return day.format(first()) + " – " + day.format(last());
    }
}
