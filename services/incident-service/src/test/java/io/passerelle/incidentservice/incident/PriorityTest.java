package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest(name = "impact {0} x urgency {1} = {2}")
    @CsvSource({
            "HIGH, HIGH, P1",
            "HIGH, MEDIUM, P2",
            "MEDIUM, HIGH, P2",
            "HIGH, LOW, P3",
            "MEDIUM, MEDIUM, P3",
            "LOW, HIGH, P3",
            "MEDIUM, LOW, P4",
            "LOW, MEDIUM, P4",
            "LOW, LOW, P5" })
    void priority_follows_the_itil_matrix(Level impact, Level urgency, Priority expected) {
        assertThat(Priority.of(impact, urgency)).isEqualTo(expected);
    }
}
