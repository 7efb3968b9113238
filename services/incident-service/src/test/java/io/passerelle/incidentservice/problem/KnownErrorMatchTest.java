package io.passerelle.incidentservice.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KnownErrorMatchTest {

    private static final Map<String, String> LABELS = Map.of("alertname", "HighErrorRate", "team", "payments",
            "region", "eu-west-1");

    @Test
    void service_and_alert_name_match_that_alert_on_that_service_only() {
        var match = new KnownErrorMatch("checkout", "HighErrorRate", Map.of());
        assertThat(match.matches("checkout", "HighErrorRate", LABELS)).isTrue();
        assertThat(match.matches("checkout", "HighErrorRate", Map.of())).as("labels not named: any").isTrue();
        assertThat(match.matches("payments", "HighErrorRate", LABELS)).as("another service").isFalse();
        assertThat(match.matches("checkout", "HighLatency", LABELS)).as("another alert").isFalse();
        assertThat(match.matches("checkout", null, Map.of())).as("logged by the service desk: no alert").isFalse();
        assertThat(match.matches(null, "HighErrorRate", LABELS)).as("an alert that names no service").isFalse();
    }

    @Test
    void labels_must_all_be_on_the_alert_with_those_values() {
        var match = new KnownErrorMatch(null, null, Map.of("team", "payments", "region", "eu-west-1"));
        assertThat(match.matches("anything", "AnyAlert", LABELS)).isTrue();
        assertThat(match.matches(null, null, LABELS)).isTrue();
        assertThat(match.matches("checkout", "HighErrorRate", Map.of("team", "payments")))
                .as("one label missing").isFalse();
        assertThat(match.matches("checkout", "HighErrorRate", Map.of("team", "payments", "region", "us-east-1")))
                .as("one value differs").isFalse();
        assertThat(match.matches("checkout", "HighErrorRate", Map.of("team", "Payments", "region", "eu-west-1")))
                .as("values are compared exactly").isFalse();
    }

    @Test
    void a_service_alone_matches_every_incident_of_the_service_reported_or_not() {
        var match = new KnownErrorMatch("checkout", null, Map.of());
        assertThat(match.matches("checkout", null, Map.of())).isTrue();
        assertThat(match.matches("checkout", "HighErrorRate", LABELS)).isTrue();
        assertThat(match.matches("payments", null, Map.of())).isFalse();
    }

    @Test
    void all_three_together_must_all_hold() {
        var match = new KnownErrorMatch("checkout", "HighErrorRate", Map.of("team", "payments"));
        assertThat(match.matches("checkout", "HighErrorRate", LABELS)).isTrue();
        assertThat(match.matches("checkout", "HighErrorRate", Map.of("team", "search"))).isFalse();
        assertThat(match.specificity()).isEqualTo(3);
        assertThat(new KnownErrorMatch(null, null, Map.of("a", "1", "b", "2")).specificity()).isEqualTo(2);
        assertThat(new KnownErrorMatch("checkout", null, Map.of()).specificity()).isEqualTo(1);
    }

    @Test
    void a_match_that_names_nothing_or_too_much_is_refused() {
        assertThatThrownBy(() -> new KnownErrorMatch(null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matches everything");
        assertThatThrownBy(() -> new KnownErrorMatch(null, " ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alertName");
        assertThatThrownBy(() -> new KnownErrorMatch(null, "a".repeat(201), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alertName");
        var many = new HashMap<String, String>();
        for (int i = 0; i <= KnownErrorMatch.MAX_LABELS; i++) {
            many.put("label" + i, "v");
        }
        assertThatThrownBy(() -> new KnownErrorMatch(null, null, many))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 20 labels");
        assertThatThrownBy(() -> new KnownErrorMatch(null, null, Map.of("n".repeat(129), "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label name");
        assertThatThrownBy(() -> new KnownErrorMatch(null, null, Map.of("", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label name");
        assertThatThrownBy(() -> new KnownErrorMatch(null, null, Map.of("team", "v".repeat(1025))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("match.labels.team");
        assertThat(new KnownErrorMatch(null, null, Map.of("team", "v".repeat(1024))).labels()).hasSize(1);
    }
}
