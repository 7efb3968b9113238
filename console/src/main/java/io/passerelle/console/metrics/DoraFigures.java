package io.passerelle.console.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.passerelle.console.release.Moment;
import org.jspecify.annotations.Nullable;

/**
 * The DORA figures of {@code GET /api/v1/metrics/dora} shaped for the page: each figure's numbers as text, its level,
 * the deployments behind it, and the data of its chart (successful deployments per day; lead time and recovery time
 * per deployment, in hours; failed against succeeded). Charts are drawn from the deployments the API listed (at most
 * 100 per figure: {@code truncated} says when there were more); the numbers are the API's own.
 *
 * @param words the page's words for units and chart labels, by key ({@code day}, {@code hour}, {@code minute},
 *              {@code second}, {@code chart.frequency}, {@code chart.lead-time}, {@code chart.recovery},
 *              {@code chart.failed}, {@code chart.succeeded})
 */
public record DoraFigures(@Nullable String from, @Nullable String to, List<String> scope, Figure<Frequency> frequency,
        Figure<Durations> leadTime, Figure<Rate> failureRate, Figure<Durations> recovery) {

    /** One figure: its numbers, its DORA level (none when nothing was measured), the deployments behind it, a chart. */
    public record Figure<T>(String key, T value, @Nullable String level, List<Behind> deployments, int total,
            boolean truncated, Chart chart) {
    }

    public record Frequency(int successful, String perDay, String perWeek) {
    }

    /** Lead time (counted: measured, not counted: without commit time) or recovery (recovered, unrecovered). */
    public record Durations(@Nullable String median, @Nullable String p90, int counted, int notCounted) {
    }

    public record Rate(int failures, int finished, @Nullable String percent) {
    }

    /** A deployment behind a figure, with what it adds to that figure (a duration, a failure's reason, incidents). */
    public record Behind(String id, String service, String environment, String version, String result,
            @Nullable String finishedAt, @Nullable String duration, @Nullable String reason, int causedIncidents) {
    }

    /** What assets/metrics.js draws with Chart.js: a bar or doughnut chart of one data set. */
    public record Chart(String type, String label, List<String> labels, List<Double> values) {
    }

    public List<Figure<?>> figures() {
        return List.of(frequency, leadTime, failureRate, recovery);
    }

    static DoraFigures of(Map<String, Object> dora, Function<String, String> words) {
        Map<String, Object> f = map(dora.get("deploymentFrequency"));
        Map<String, Object> l = map(dora.get("leadTimeForChanges"));
        Map<String, Object> c = map(dora.get("changeFailureRate"));
        Map<String, Object> r = map(dora.get("failedDeploymentRecoveryTime"));
        List<String> scope = maps(dora.get("scope")).stream()
                .map(s -> text(s.get("service")) + " · " + text(s.get("environment"))).toList();

        List<Map<String, Object>> successes = items(f);
        var frequency = figure("frequency", new Frequency(number(f.get("successfulDeployments")),
                        decimal(f.get("perDay")), decimal(f.get("perWeek"))), f, words, null,
                perDay(successes, dora.get("from"), dora.get("to"), words.apply("chart.frequency")));
        var leadTime = figure("lead-time", new Durations(duration(l.get("medianSeconds"), words),
                        duration(l.get("p90Seconds"), words), number(l.get("measured")), number(l.get("withoutCommitTime"))),
                l, words, "leadTimeSeconds", perDeployment(items(l), "leadTimeSeconds", words.apply("chart.lead-time")));
        int failures = number(c.get("failures"));
        int finished = number(c.get("finishedDeployments"));
        var rate = figure("failure-rate", new Rate(failures, finished,
                        c.get("rate") instanceof Number n ? percent(n.doubleValue()) : null), c, words, null,
                new Chart("doughnut", words.apply("chart.failure-rate"),
                        List.of(words.apply("chart.failed"), words.apply("chart.succeeded")),
                        List.of((double) failures, (double) Math.max(0, finished - failures))));
        var recovery = figure("recovery", new Durations(duration(r.get("medianSeconds"), words),
                        duration(r.get("p90Seconds"), words), number(r.get("recovered")), number(r.get("unrecovered"))),
                r, words, "recoverySeconds", perDeployment(items(r), "recoverySeconds", words.apply("chart.recovery")));
        return new DoraFigures(Moment.of(dora.get("from")), Moment.of(dora.get("to")), scope, frequency, leadTime, rate,
                recovery);
    }

    private static <T> Figure<T> figure(String key, T value, Map<String, Object> figure, Function<String, String> words,
            @Nullable String durationField, Chart chart) {
        Map<String, Object> listed = map(figure.get("deployments"));
        List<Behind> behind = items(figure).stream().map(d -> new Behind(text(d.get("id")), text(d.get("service")),
                text(d.get("environment")), text(d.get("version")), text(d.get("result")), Moment.of(d.get("finishedAt")),
                durationField == null ? null : duration(d.get(durationField), words),
                d.get("reason") == null ? null : d.get("reason").toString(),
                d.get("causedIncidents") instanceof List<?> incidents ? incidents.size() : 0)).toList();
        return new Figure<>(key, value, figure.get("level") == null ? null : figure.get("level").toString(), behind,
                number(listed.get("total")), Boolean.TRUE.equals(listed.get("truncated")), chart);
    }

    /** Successful deployments per day (UTC) of [from, to), every day of the range shown, none included. */
    static Chart perDay(List<Map<String, Object>> successes, @Nullable Object from, @Nullable Object to, String label) {
        Map<String, Double> days = new LinkedHashMap<>();
        LocalDate first = day(from);
        LocalDate last = day(to);
        if (first != null && last != null) {
            Instant end = Instant.parse(to.toString());
            // [from, to): a range ending at midnight does not include that day
            LocalDate stop = end.equals(last.atStartOfDay(ZoneOffset.UTC).toInstant()) ? last : last.plusDays(1);
            for (LocalDate d = first; d.isBefore(stop) && days.size() <= 366; d = d.plusDays(1)) {
                days.put(d.toString(), 0.0);
            }
        }
        for (Map<String, Object> deployment : successes) {
            LocalDate finished = day(deployment.get("finishedAt"));
            if (finished != null && "SUCCEEDED".equals(deployment.get("result"))) {
                days.merge(finished.toString(), 1.0, Double::sum);
            }
        }
        return new Chart("bar", label, List.copyOf(days.keySet()), List.copyOf(days.values()));
    }

    /** One bar per deployment that has the duration, oldest first, in hours. */
    static Chart perDeployment(List<Map<String, Object>> deployments, String field, String label) {
        List<String> labels = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        for (Map<String, Object> d : deployments.reversed()) {
            if (d.get(field) instanceof Number seconds) {
                labels.add(text(d.get("version")));
                hours.add(Math.round(seconds.doubleValue() / 36.0) / 100.0);
            }
        }
        return new Chart("bar", label, labels, hours);
    }

    /** A duration as people say it: {@code 2 d 3 h}, {@code 3 h 5 min}, {@code 4 min 10 s}, {@code 35 s}. */
    static @Nullable String duration(@Nullable Object seconds, Function<String, String> words) {
        if (!(seconds instanceof Number n)) {
            return null;
        }
        long s = Math.round(n.doubleValue());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + " " + words.apply("day") + (hours > 0 ? " " + hours + " " + words.apply("hour") : "");
        }
        if (hours > 0) {
            return hours + " " + words.apply("hour") + (minutes > 0 ? " " + minutes + " " + words.apply("minute") : "");
        }
        if (minutes > 0) {
            return minutes + " " + words.apply("minute") + (s % 60 > 0 ? " " + s % 60 + " " + words.apply("second") : "");
        }
        return s + " " + words.apply("second");
    }

    static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + " %";
    }

    private static String decimal(@Nullable Object value) {
        return value instanceof Number n ? String.valueOf(Math.round(n.doubleValue() * 100) / 100.0) : "0";
    }

    private static @Nullable LocalDate day(@Nullable Object instant) {
        if (instant == null) {
            return null;
        }
        try {
            return LocalDate.ofInstant(Instant.parse(instant.toString()), ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private static List<Map<String, Object>> items(Map<String, Object> figure) {
        return maps(map(figure.get("deployments")).get("items"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static int number(@Nullable Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
