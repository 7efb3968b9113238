package io.passerelle.incidentservice.incident.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.passerelle.incidentservice.incident.Level;
import io.passerelle.incidentservice.incident.Priority;
import io.passerelle.incidentservice.incident.Severities;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** passerelle.incidents.* as an operator writes it, bound as the service binds it when it starts. */
class IncidentPropertiesTest {

    private static IncidentProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("passerelle.incidents", IncidentProperties.class);
    }

    @Test
    void without_settings_the_itil_matrix_the_default_severities_and_seven_days_to_reopen_apply() {
        var properties = bind(Map.of());

        assertThat(properties.reopenWithin()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.matrix().priority(Level.MEDIUM, Level.HIGH)).isEqualTo(Priority.P2);
        assertThat(properties.severityTable().of("high")).isEqualTo(new Severities.Levels(Level.HIGH, Level.MEDIUM));
        assertThat(properties.severityTable().of(null)).isEqualTo(new Severities.Levels(Level.MEDIUM, Level.MEDIUM));
    }

    @Test
    void a_matrix_severities_and_a_period_of_ones_own_are_read_in_lower_case() {
        var properties = bind(Map.ofEntries(
                Map.entry("passerelle.incidents.reopen-within", "3d"),
                Map.entry("passerelle.incidents.priority-matrix.high.high", "P1"),
                Map.entry("passerelle.incidents.priority-matrix.high.medium", "P1"),
                Map.entry("passerelle.incidents.priority-matrix.high.low", "P2"),
                Map.entry("passerelle.incidents.priority-matrix.medium.high", "P1"),
                Map.entry("passerelle.incidents.priority-matrix.medium.medium", "P3"),
                Map.entry("passerelle.incidents.priority-matrix.medium.low", "P4"),
                Map.entry("passerelle.incidents.priority-matrix.low.high", "P3"),
                Map.entry("passerelle.incidents.priority-matrix.low.medium", "P4"),
                Map.entry("passerelle.incidents.priority-matrix.low.low", "P5"),
                Map.entry("passerelle.incidents.severities.page.impact", "high"),
                Map.entry("passerelle.incidents.severities.page.urgency", "high"),
                Map.entry("passerelle.incidents.severities.ticket.impact", "low"),
                Map.entry("passerelle.incidents.severities.ticket.urgency", "medium"),
                Map.entry("passerelle.incidents.default-severity", "ticket")));

        assertThat(properties.reopenWithin()).isEqualTo(Duration.ofDays(3));
        assertThat(properties.matrix().priority(Level.HIGH, Level.MEDIUM)).isEqualTo(Priority.P1);
        assertThat(properties.severityTable().of("PAGE")).isEqualTo(new Severities.Levels(Level.HIGH, Level.HIGH));
        assertThat(properties.severityTable().of("critical")).isEqualTo(new Severities.Levels(Level.LOW, Level.MEDIUM));
    }

    @Test
    void a_matrix_missing_a_pair_or_lowering_priority_stops_the_service_saying_what_is_wrong() {
        var incomplete = bind(Map.of("passerelle.incidents.priority-matrix.high.high", "P1"));
        assertThatThrownBy(incomplete::matrix).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passerelle.incidents.priority-matrix: the priority matrix has no priority for impact HIGH"
                        + " and urgency MEDIUM");

        assertThatThrownBy(() -> bind(Map.of("passerelle.incidents.reopen-within", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("reopen-within must be positive");
        assertThatThrownBy(() -> bind(Map.of("passerelle.incidents.default-severity", "fatal")).severityTable())
                .hasMessageStartingWith("passerelle.incidents.severities: the default alert severity fatal");
    }
}
