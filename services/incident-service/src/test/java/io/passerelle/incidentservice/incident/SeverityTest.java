package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {

    @ParameterizedTest(name = "severity {0} -> {1}/{2} = {3}")
    @CsvSource({
            "critical, HIGH, HIGH, P1",
            "CRITICAL, HIGH, HIGH, P1",
            "warning, MEDIUM, MEDIUM, P3",
            "info, LOW, LOW, P5",
            "' info ', LOW, LOW, P5",
            "page, MEDIUM, MEDIUM, P3" })
    void an_alert_severity_label_gives_impact_and_urgency(String label, Level impact, Level urgency, Priority priority) {
        var severity = Severity.ofLabel(label);
        assertThat(severity.impact()).isEqualTo(impact);
        assertThat(severity.urgency()).isEqualTo(urgency);
        assertThat(Priority.of(severity.impact(), severity.urgency())).isEqualTo(priority);
    }

    @Test
    void a_missing_severity_reads_as_warning() {
        assertThat(Severity.ofLabel(null)).isEqualTo(Severity.WARNING);
        assertThat(Severity.ofLabel(null).impact()).isEqualTo(Level.MEDIUM);
        assertThat(Severity.ofLabel(null).urgency()).isEqualTo(Level.MEDIUM);
    }
}
