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
                "http://prometheus.example.com/graph?g0.expr=job%3Apayments_api%3Aerror_rate", labels));
    }

    /** Alertmanager does not require an {@code alertname} label; the event then has no alertName, and is valid. */
    @Test
    void an_alert_without_a_name_is_a_valid_event() {
        var event = new AlertFired("3f2a9c1d7e4b8a61", null, "payments-api", "prod", null, null, STARTS, null,
                new LinkedHashMap<>(Map.of("service", "payments-api", "environment", "prod")));
        assertThat(EventContracts.assertConforms(event).has("alertName")).isFalse();
    }

    @Test
    void alert_resolved_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new AlertResolved("3f2a9c1d7e4b8a60", "HighErrorRate", "payments-api",
                "prod", STARTS, Instant.parse("2026-05-04T09:47:30Z")));
    }
}
