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
    final ReceiveAlerts receive = new ReceiveAlerts(new Attribution(Map.of(
            Source.ALERTMANAGER, new LabelRules(List.of("app"), List.of("env")),
            Source.GRAFANA, LabelRules.defaults(), Source.CDEVENTS, LabelRules.defaults()),
            new Catalog().with("payments", "prod")), published::add);

    static Alert alert(String status, Map<String, String> labels) {
        return new Alert(status, labels, Map.of("summary", "5xx above 5%"), STARTS, ENDS, "http://prom/graph", "fp1");
    }

    @Test
    void a_firing_alert_naming_a_known_service_and_environment_is_fired_with_them() {
        var labels = Map.of("alertname", "HighErrorRate", "severity", "critical", "app", "payments", "env", "prod");

        var receipt = receive.receive(Source.ALERTMANAGER, "4", List.of(alert("firing", labels)));

        assertThat(receipt).isEqualTo(new Receipt(1, 0, 0, false));
        assertThat(published).containsExactly(new AlertFired("fp1", "HighErrorRate", "payments", "prod", "critical",
                "5xx above 5%", STARTS, "http://prom/graph", labels, "alertmanager", null, null));
    }

    @Test
    void a_resolved_alert_is_resolved_with_its_end() {
        var receipt = receive.receive(Source.ALERTMANAGER, "4", List.of(alert("resolved", Map.of("alertname", "X",
                "app", "payments", "env", "prod"))));

        assertThat(receipt).isEqualTo(new Receipt(1, 0, 0, false));
        assertThat(published).containsExactly(new AlertResolved("fp1", "X", "payments", "prod", STARTS, ENDS,
                "alertmanager"));
    }

    @Test
    void alerts_that_name_no_known_service_and_environment_are_published_unattributed_with_their_labels() {
        var unknownService = Map.of("app", "checkout", "env", "prod");
        var receipt = receive.receive(Source.ALERTMANAGER, "4", List.of(
                alert("firing", unknownService),
                alert("firing", Map.of("app", "payments")),
                alert("resolved", Map.of("service", "payments", "environment", "prod")))); // not this source's labels

        assertThat(receipt).isEqualTo(new Receipt(3, 3, 0, false));
        assertThat(published).first().isEqualTo(new AlertFired("fp1", null, null, null, null, "5xx above 5%", STARTS,
                "http://prom/graph", unknownService, "alertmanager", null, null));
        assertThat(published).last().isEqualTo(new AlertResolved("fp1", null, null, null, STARTS, ENDS,
                "alertmanager"));
    }

    @Test
    void only_alerts_that_cannot_be_read_are_skipped() {
        var labels = Map.of("app", "payments", "env", "prod");
        var receipt = receive.receive(Source.ALERTMANAGER, "4", List.of(
                new Alert("firing", labels, Map.of(), null, null, null, "fp2"),
                new Alert("resolved", labels, Map.of(), STARTS, null, null, "fp3"),
                new Alert("firing", labels, Map.of(), STARTS, null, null, null),
                new Alert("firing", labels, Map.of(), STARTS, null, null, " "),
                new Alert(null, labels, Map.of(), STARTS, ENDS, null, "fp4"),
                alert("firing", labels)));

        assertThat(receipt).isEqualTo(new Receipt(1, 0, 5, false));
        assertThat(published).hasSize(1);
    }

    @Test
    void grafana_alerts_carry_their_source_and_the_dashboard_and_panel_of_their_rule() {
        var labels = Map.of("alertname", "Load", "service", "payments", "environment", "prod");
        var alert = new Alert("firing", labels, Map.of(), STARTS, null, "http://grafana/alerting/x/view", "fp5",
                "http://grafana/d/abc", "http://grafana/d/abc?viewPanel=2");

        assertThat(receive.receive(Source.GRAFANA, "1", List.of(alert))).isEqualTo(new Receipt(1, 0, 0, false));
        assertThat(published).containsExactly(new AlertFired("fp5", "Load", "payments", "prod", null, null, STARTS,
                "http://grafana/alerting/x/view", labels, "grafana", "http://grafana/d/abc",
                "http://grafana/d/abc?viewPanel=2"));
    }

    @Test
    void each_source_takes_only_its_own_payload_version() {
        assertThatThrownBy(() -> receive.receive(Source.ALERTMANAGER, "3", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3'").hasMessageContaining("alertmanager");
        assertThatThrownBy(() -> receive.receive(Source.ALERTMANAGER, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receive.receive(Source.GRAFANA, "4", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only '1'");
        assertThat(published).isEmpty();
    }

    @Test
    void grafana_s_empty_dashboard_and_panel_links_are_no_links() {
        var alert = new Alert("firing", Map.of(), Map.of(), STARTS, null, null, "fp6", "", " ");
        assertThat(alert.dashboardUrl()).isNull();
        assertThat(alert.panelUrl()).isNull();
    }
}
