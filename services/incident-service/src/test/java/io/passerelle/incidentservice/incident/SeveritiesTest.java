package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeveritiesTest {

    @ParameterizedTest(name = "severity {0} -> {1}/{2} = {3}")
    @CsvSource({
            "critical, HIGH, HIGH, P1",
            "CRITICAL, HIGH, HIGH, P1",
            "high, HIGH, MEDIUM, P2",
            "warning, MEDIUM, MEDIUM, P3",
            "info, LOW, LOW, P5",
            "' info ', LOW, LOW, P5",
            "page, MEDIUM, MEDIUM, P3" })
    void an_alert_severity_label_gives_impact_and_urgency(String label, Level impact, Level urgency, Priority priority) {
        var levels = Severities.defaults().of(label);
        assertThat(levels).isEqualTo(new Severities.Levels(impact, urgency));
        assertThat(PriorityMatrix.itil().priority(levels.impact(), levels.urgency())).isEqualTo(priority);
    }

    @Test
    void a_missing_severity_reads_as_the_default_one() {
        assertThat(Severities.defaults().of(null)).isEqualTo(new Severities.Levels(Level.MEDIUM, Level.MEDIUM));
        var quiet = new Severities(Severities.DEFAULT_LEVELS, "info");
        assertThat(quiet.of(null)).isEqualTo(new Severities.Levels(Level.LOW, Level.LOW));
        assertThat(quiet.of("unheard-of")).isEqualTo(new Severities.Levels(Level.LOW, Level.LOW));
    }

    @Test
    void a_table_of_its_own_may_be_configured() {
        var table = new Severities(Map.of("P1", new Severities.Levels(Level.HIGH, Level.HIGH),
                "minor", new Severities.Levels(Level.LOW, Level.MEDIUM)), "minor");

        assertThat(table.of("p1")).isEqualTo(new Severities.Levels(Level.HIGH, Level.HIGH));
        assertThat(table.of("critical")).isEqualTo(new Severities.Levels(Level.LOW, Level.MEDIUM));
    }

    @Test
    void a_table_whose_default_is_not_in_it_or_that_names_a_label_twice_is_refused() {
        assertThatThrownBy(() -> new Severities(Severities.DEFAULT_LEVELS, "fatal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default alert severity fatal is not one of the configured severities"
                        + " [critical, high, info, warning]");
        assertThatThrownBy(() -> new Severities(Map.of("High", new Severities.Levels(Level.HIGH, Level.HIGH),
                "high ", new Severities.Levels(Level.LOW, Level.LOW)), "high"))
                .hasMessage("the alert severity high is configured twice");
        assertThatThrownBy(() -> new Severities(Map.of(), "warning"))
                .hasMessage("at least one alert severity must be configured");
    }
}
