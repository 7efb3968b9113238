package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityMatrixTest {

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
    void the_default_is_the_itil_matrix(Level impact, Level urgency, Priority expected) {
        assertThat(PriorityMatrix.itil().priority(impact, urgency)).isEqualTo(expected);
        assertThat(PriorityMatrix.itil().rate(impact, urgency)).isEqualTo(new Rating(impact, urgency, expected));
    }

    @Test
    void another_matrix_may_be_configured() {
        var cells = itilCells();
        cells.get(Level.MEDIUM).put(Level.HIGH, Priority.P1); // a business that treats medium impact, urgent as P1
        cells.get(Level.HIGH).put(Level.MEDIUM, Priority.P1);

        var matrix = new PriorityMatrix(cells);

        assertThat(matrix.priority(Level.MEDIUM, Level.HIGH)).isEqualTo(Priority.P1);
        assertThat(matrix.priority(Level.LOW, Level.LOW)).isEqualTo(Priority.P5);
    }

    @Test
    void a_matrix_without_every_pair_is_refused_naming_the_missing_one() {
        var cells = itilCells();
        cells.get(Level.LOW).remove(Level.MEDIUM);
        assertThatThrownBy(() -> new PriorityMatrix(cells)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the priority matrix has no priority for impact LOW and urgency MEDIUM");

        var rows = itilCells();
        rows.remove(Level.HIGH);
        assertThatThrownBy(() -> new PriorityMatrix(rows)).hasMessage("the priority matrix has no row for impact HIGH");
    }

    @Test
    void a_matrix_where_more_impact_or_urgency_lowers_the_priority_is_refused() {
        var impact = itilCells();
        impact.get(Level.HIGH).put(Level.LOW, Priority.P5); // HIGH/LOW would be below MEDIUM/LOW (P4)
        assertThatThrownBy(() -> new PriorityMatrix(impact)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the priority matrix gives impact HIGH and urgency LOW P5, lower than the P4 of impact"
                        + " MEDIUM and urgency LOW");

        var urgency = itilCells();
        urgency.get(Level.LOW).put(Level.HIGH, Priority.P5);
        assertThatThrownBy(() -> new PriorityMatrix(urgency)).hasMessageContaining("impact LOW and urgency HIGH P5");
    }

    private static Map<Level, Map<Level, Priority>> itilCells() {
        var cells = new EnumMap<Level, Map<Level, Priority>>(Level.class);
        for (var impact : Level.values()) {
            var row = new EnumMap<Level, Priority>(Level.class);
            for (var urgency : Level.values()) {
                row.put(urgency, PriorityMatrix.itil().priority(impact, urgency));
            }
            cells.put(impact, row);
        }
        return cells;
    }
}
