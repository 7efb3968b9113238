package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReceiveAlertsTest {

    static final Instant STARTS = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant ENDS = Instant.parse("2026-11-27T10:05:00Z");

    final List<Object> published = new ArrayList<>();
    final ReceiveAlerts receive = new ReceiveAlerts(new AlertLabels("app", "env"), published::add);

    static Alert alert(String status, Map<String, String> labels) {
        return new Alert(status, labels, Map.of("summary", "5xx above 5%"), STARTS, ENDS, "http://prom/graph", "fp1");
    }

    @Test
    void a_firing_alert_naming_service_and_environment_is_fired() {
        var labels = Map.of("alertname", "HighErrorRate", "severity", "critical", "app", "payments", "env", "prod");

        var receipt = receive.receive("4", List.of(alert("firing", labels)));

        assertThat(receipt).isEqualTo(new Receipt(1, 0));
        assertThat(published).containsExactly(new AlertFired("fp1", "HighErrorRate", "payments", "prod", "critical",
                "5xx above 5%", STARTS, "http://prom/graph", labels));
    }

    @Test
    void a_resolved_alert_is_resolved_with_its_end() {
        var receipt = receive.receive("4", List.of(alert("resolved", Map.of("alertname", "X", "app", "payments",
                "env", "prod"))));

        assertThat(receipt).isEqualTo(new Receipt(1, 0));
        assertThat(published).containsExactly(new AlertResolved("fp1", "X", "payments", "prod", STARTS, ENDS));
    }

    @Test
    void alerts_without_the_labels_or_with_names_passerelle_cannot_hold_are_skipped_and_counted() {
        var receipt = receive.receive("4", List.of(
                alert("firing", Map.of("app", "payments")),
                alert("firing", Map.of("env", "prod")),
                alert("firing", Map.of("service", "payments", "environment", "prod")), // default names, not configured
                alert("firing", Map.of("app", "Payments Service", "env", "prod")),
                new Alert("firing", Map.of("app", "payments", "env", "prod"), Map.of(), null, null, null, "fp2"),
                new Alert("resolved", Map.of("app", "payments", "env", "prod"), Map.of(), STARTS, null, null, "fp3"),
                new Alert("firing", Map.of("app", "payments", "env", "prod"), Map.of(), STARTS, null, null, null),
                alert("firing", Map.of("app", "payments", "env", "prod"))));

        assertThat(receipt).isEqualTo(new Receipt(1, 7));
        assertThat(published).hasSize(1);
    }

    @Test
    void another_webhook_version_is_refused() {
        assertThatThrownBy(() -> receive.receive("3", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3'");
        assertThatThrownBy(() -> receive.receive(null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
