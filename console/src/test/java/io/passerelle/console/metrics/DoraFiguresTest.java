package io.passerelle.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class DoraFiguresTest {

    static final Function<String, String> WORDS = key -> switch (key) {
        case "day" -> "d";
        case "hour" -> "h";
        case "minute" -> "min";
        case "second" -> "s";
        default -> key;
    };

    static final Map<String, Object> SUCCESS = Map.of("id", "d2", "service", "shop", "environment", "production",
            "version", "v2", "commitSha", "bbb", "result", "SUCCEEDED", "finishedAt", "2026-11-03T10:00:00Z",
            "leadTimeSeconds", 7_200.0);
    static final Map<String, Object> FAILURE = Map.of("id", "d1", "service", "shop", "environment", "production",
            "version", "v1", "commitSha", "aaa", "result", "FAILED", "finishedAt", "2026-11-01T10:00:00Z",
            "reason", "target down", "recoverySeconds", 90_000.0, "causedIncidents", List.of("i1"));

    static final Map<String, Object> DORA = Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-04T00:00:00Z",
            "scope", List.of(Map.of("service", "shop", "environment", "production")),
            "deploymentFrequency", Map.of("successfulDeployments", 1, "perDay", 0.3333333, "perWeek", 2.3333333,
                    "level", "HIGH", "deployments", listed(SUCCESS)),
            "leadTimeForChanges", Map.of("medianSeconds", 7_200.0, "p90Seconds", 7_200.0, "level", "ELITE",
                    "measured", 1, "withoutCommitTime", 0, "deployments", listed(SUCCESS)),
            "changeFailureRate", Map.of("failures", 1, "finishedDeployments", 2, "rate", 0.5, "level", "LOW",
                    "deployments", listed(FAILURE)),
            "failedDeploymentRecoveryTime", Map.of("recovered", 1, "unrecovered", 0, "medianSeconds", 90_000.0,
                    "p90Seconds", 90_000.0, "level", "MEDIUM", "deployments", listed(FAILURE)));

    @Test
    void each_figure_keeps_the_api_s_numbers_as_text_with_its_level() {
        var dora = DoraFigures.of(DORA, WORDS);

        assertThat(dora.scope()).containsExactly("shop · production");
        assertThat(dora.frequency().value()).isEqualTo(new DoraFigures.Frequency(1, "0.33", "2.33"));
        assertThat(dora.leadTime().value().median()).isEqualTo("2 h");
        assertThat(dora.failureRate().value()).isEqualTo(new DoraFigures.Rate(1, 2, "50.0 %"));
        assertThat(dora.recovery().value().median()).isEqualTo("1 d 1 h");
        assertThat(dora.figures()).extracting(DoraFigures.Figure::level).containsExactly("HIGH", "ELITE", "LOW", "MEDIUM");
    }

    @Test
    void the_deployments_behind_each_figure_are_listed_with_what_they_add() {
        var dora = DoraFigures.of(DORA, WORDS);

        assertThat(dora.leadTime().deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("d2");
            assertThat(d.duration()).isEqualTo("2 h");
        });
        assertThat(dora.failureRate().deployments()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("target down");
            assertThat(d.causedIncidents()).isEqualTo(1);
        });
        assertThat(dora.frequency().total()).isEqualTo(1);
    }

    @Test
    void the_frequency_chart_has_every_day_of_the_range_and_the_successes_of_each() {
        var chart = DoraFigures.of(DORA, WORDS).frequency().chart();

        assertThat(chart.type()).isEqualTo("bar");
        assertThat(chart.labels()).containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
        assertThat(chart.values()).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void a_range_ending_during_a_day_includes_that_day() {
        var chart = DoraFigures.perDay(List.of(), "2026-11-01T00:00:00Z", "2026-11-02T13:00:00Z", "x");

        assertThat(chart.labels()).containsExactly("2026-11-01", "2026-11-02");
    }

    @Test
    void duration_charts_are_in_hours_oldest_first_and_the_failure_rate_a_doughnut() {
        var dora = DoraFigures.of(DORA, WORDS);

        assertThat(dora.leadTime().chart().labels()).containsExactly("v2");
        assertThat(dora.leadTime().chart().values()).containsExactly(2.0);
        assertThat(dora.recovery().chart().values()).containsExactly(25.0);
        assertThat(dora.failureRate().chart().type()).isEqualTo("doughnut");
        assertThat(dora.failureRate().chart().values()).containsExactly(1.0, 1.0);
    }

    @Test
    void nothing_measured_leaves_no_median_and_no_level() {
        var empty = Map.<String, Object>of("from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z", "scope", List.of(),
                "deploymentFrequency", Map.of("successfulDeployments", 0, "perDay", 0.0, "perWeek", 0.0, "level", "LOW",
                        "deployments", listed()),
                "leadTimeForChanges", Map.of("measured", 0, "withoutCommitTime", 0, "deployments", listed()),
                "changeFailureRate", Map.of("failures", 0, "finishedDeployments", 0, "deployments", listed()),
                "failedDeploymentRecoveryTime", Map.of("recovered", 0, "unrecovered", 0, "deployments", listed()));

        var dora = DoraFigures.of(empty, WORDS);

        assertThat(dora.leadTime().value().median()).isNull();
        assertThat(dora.failureRate().value().percent()).isNull();
        assertThat(dora.failureRate().level()).isNull();
        assertThat(dora.frequency().chart().values()).containsExactly(0.0);
    }

    @Test
    void durations_read_as_people_say_them() {
        assertThat(DoraFigures.duration(35.0, WORDS)).isEqualTo("35 s");
        assertThat(DoraFigures.duration(250.0, WORDS)).isEqualTo("4 min 10 s");
        assertThat(DoraFigures.duration(3 * 3600 + 300, WORDS)).isEqualTo("3 h 5 min");
        assertThat(DoraFigures.duration(2 * 86_400, WORDS)).isEqualTo("2 d");
        assertThat(DoraFigures.duration(null, WORDS)).isNull();
    }

    @SafeVarargs
    static Map<String, Object> listed(Map<String, Object>... items) {
        return Map.of("total", items.length, "truncated", false, "items", List.of(items));
    }
}
