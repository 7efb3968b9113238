package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert events as the outbox serializes them are exactly what was sent before they became the wire records. */
class AlertEventsTest {

    static final Instant STARTS = Instant.parse("2026-05-04T09:12:00Z");

    @Test
    void alert_fired_is_sent_as_recorded() {
        var labels = new LinkedHashMap<String, String>();
        labels.put("alertname", "HighErrorRate");
        labels.put("service", "payments-api");
        labels.put("environment", "prod");
        labels.put("severity", "critical");
        EventContracts.assertMatchesRecorded(new AlertFired("3f2a9c1d7e4b8a60", "HighErrorRate", "payments-api",
                "prod", "critical", "5xx responses above 5% for 10 minutes", STARTS,
                "http://prometheus.example.com/graph?g0.expr=job%3Apayments_api%3Aerror_rate", labels,
                "alertmanager", null, null));
    }

    /** Alertmanager does not require an {@code alertname} label; the event then has no alertName, and is valid. */
    @Test
    void an_alert_without_a_name_is_a_valid_event() {
        var event = new AlertFired("3f2a9c1d7e4b8a61", null, "payments-api", "prod", null, null, STARTS, null,
                new LinkedHashMap<>(Map.of("service", "payments-api", "environment", "prod")), "alertmanager", null,
                null);
        assertThat(EventContracts.assertConforms(event).has("alertName")).isFalse();
    }

    /** Contract 2 of issue 9: neither service nor environment, the source and the labels that say what it is. */
    @Test
    void an_unattributed_grafana_alert_is_a_valid_event_with_its_links() {
        var data = EventContracts.assertConforms(new AlertFired("becbfb94bd81ef48", "Load avg 15m too high", null,
                null, null, "15m load average too high", STARTS, "http://grafana:3000/alerting/grafana/NW9oDw-4z/view",
                new LinkedHashMap<>(Map.of("alertname", "Load avg 15m too high", "job", "node-exporter")), "grafana",
                "http://grafana:3000/d/abc", "http://grafana:3000/d/abc?viewPanel=2"));
        assertThat(data.has("service")).isFalse();
        assertThat(data.has("environment")).isFalse();
        assertThat(data.get("source").asString()).isEqualTo("grafana");
        assertThat(data.get("panelUrl").asString()).endsWith("viewPanel=2");
        assertThat(EventContracts.assertConforms(new AlertResolved("becbfb94bd81ef48", null, null, null, null,
                STARTS.plusSeconds(60), "grafana")).has("service")).isFalse();
    }

    @Test
    void alert_resolved_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new AlertResolved("3f2a9c1d7e4b8a60", "HighErrorRate", "payments-api",
                "prod", STARTS, Instant.parse("2026-05-04T09:47:30Z"), "alertmanager"));
    }
}
