package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class AlertmanagerWebhookIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    /** Alertmanager's webhook body, with a field it might add one day ({@code futureField}). */
    static String notification(String version, String status, String alerts) {
        return """
                {"version":"%s","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,"status":"%s",
                 "receiver":"passerelle","groupLabels":{"alertname":"HighErrorRate"},
                 "commonLabels":{"alertname":"HighErrorRate"},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","futureField":{"x":1},"alerts":[%s]}"""
                .formatted(version, status, alerts);
    }

    static String alert(String status, String fingerprint, String labels) {
        return """
                {"status":"%s","labels":{%s},"annotations":{"summary":"5xx above 5%% for 5m"},
                 "startsAt":"2026-11-27T10:00:00.123456789Z","endsAt":"%s",
                 "generatorURL":"http://prometheus:9090/graph?g0.expr=rate","fingerprint":"%s","silencedBy":[]}"""
                .formatted(status, labels, status.equals("resolved") ? "2026-11-27T10:07:30Z" : "0001-01-01T00:00:00Z",
                        fingerprint);
    }

    static final String LABELS = """
            "alertname":"HighErrorRate","severity":"critical","service":"payments","environment":"prod\"""";

    int eventsFor(String fingerprint) {
        return jdbc.sql("select count(*) from outbox_event where subject = :fp").param("fp", fingerprint)
                .query(Integer.class).single();
    }

    @Test
    void firing_and_resolved_alerts_become_events_unattributed_ones_too_and_unreadable_ones_are_skipped()
            throws Exception {
        var service = TestCatalog.register(events, jdbc, "main", "prod").service();
        var labels = LABELS.replace("\"payments\"", "\"" + service + "\"");
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var unlabelled = "nolabels-" + fingerprint;
        var unreadable = alert("firing", "x", "\"alertname\":\"NoFingerprint\"").replace("\"fingerprint\":\"x\"",
                "\"fingerprint\":\"\"");

        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", fingerprint, labels) + ","
                                + alert("firing", unlabelled, "\"alertname\":\"Orphan\",\"job\":\"node-exporter\"")
                                + "," + unreadable)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.unattributed").value(1))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.duplicate").doesNotExist());

        var fired = EventContracts.assertConforms(events.await("alert.fired.v1",
                data -> data.get("fingerprint").asString().equals(fingerprint))).data();
        assertThat(fired.get("alertName").asString()).isEqualTo("HighErrorRate");
        assertThat(fired.get("service").asString()).isEqualTo(service);
        assertThat(fired.get("environment").asString()).isEqualTo("prod");
        assertThat(fired.get("source").asString()).isEqualTo("alertmanager");
        assertThat(fired.get("severity").asString()).isEqualTo("critical");
        assertThat(fired.get("summary").asString()).isEqualTo("5xx above 5% for 5m");
        assertThat(fired.get("startsAt").asString()).isEqualTo("2026-11-27T10:00:00.123456789Z");
        assertThat(fired.get("labels").get("severity").asString()).isEqualTo("critical");
        var orphan = EventContracts.assertConforms(events.await("alert.fired.v1",
                data -> data.get("fingerprint").asString().equals(unlabelled))).data();
        assertThat(orphan.has("service")).isFalse();
        assertThat(orphan.has("environment")).isFalse();
        assertThat(orphan.get("labels").get("job").asString()).isEqualTo("node-exporter");

        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "resolved", alert("resolved", fingerprint, labels))))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.unattributed").value(0))
                .andExpect(jsonPath("$.skipped").value(0));

        var resolved = EventContracts.assertConforms(events.await("alert.resolved.v1",
                data -> data.get("fingerprint").asString().equals(fingerprint))).data();
        assertThat(resolved.get("endsAt").asString()).isEqualTo("2026-11-27T10:07:30Z");
        assertThat(resolved.get("service").asString()).isEqualTo(service);
        assertThat(resolved.get("source").asString()).isEqualTo("alertmanager");
    }

    /** Alertmanager's repeat of a firing notification is published again: incident-service counts the occurrence. */
    @Test
    void the_same_notification_again_is_published_again() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var body = notification("4", "firing", alert("firing", fingerprint, LABELS));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.accepted").value(1));
        }
        assertThat(eventsFor(fingerprint)).isEqualTo(2);
    }

    @Test
    void without_a_token_it_is_401() throws Exception {
        var fingerprint = UUID.randomUUID().toString();
        mvc.perform(post("/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", fingerprint, LABELS))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(eventsFor(fingerprint)).isZero();
    }

    @Test
    void with_another_role_it_is_403() throws Exception {
        var fingerprint = UUID.randomUUID().toString();
        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-ci", "pipeline"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", fingerprint, LABELS))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(eventsFor(fingerprint)).isZero();
    }

    @Test
    void another_webhook_version_is_a_400_problem_and_writes_nothing() throws Exception {
        var fingerprint = UUID.randomUUID().toString();
        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("3", "firing", alert("firing", fingerprint, LABELS))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'3'")));
        assertThat(eventsFor(fingerprint)).isZero();
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() throws Exception {
        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON).content("[1,"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void an_alert_too_large_to_become_an_incident_is_refused_and_nothing_of_the_batch_is_published() throws Exception {
        var good = UUID.randomUUID().toString().substring(0, 16);
        var huge = "f".repeat(20_000);

        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", good, LABELS) + ","
                                + alert("firing", huge, LABELS))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("alerts[1].fingerprint is 20000 characters long; at most 128"));
        assertThat(eventsFor(good)).isZero();
        assertThat(eventsFor(huge)).isZero();
    }

    @Test
    void label_values_larger_than_the_incident_service_stores_are_refused() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var labels = LABELS.replace("\"payments\"", "\"" + "p".repeat(1025) + "\"");

        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", fingerprint, labels))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("alerts[0].labels.service is 1025 characters long; at most 1024"));
        assertThat(eventsFor(fingerprint)).isZero();
    }

    @Test
    void a_null_alert_or_a_nul_character_is_a_400_problem_not_a_500() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON).content(notification("4", "firing", "null")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("'alerts[0]' must not be null"));
        mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(notification("4", "firing", alert("firing", fingerprint + "\\u0000", LABELS))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'alerts[0].fingerprint' must not contain the NUL character (U+0000)"));
        assertThat(eventsFor(fingerprint)).isZero();
    }

    @Test
    void every_field_the_contract_declares_is_checked_even_the_ones_not_used() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var good = notification("4", "firing", alert("firing", fingerprint, LABELS));
        var refused = new String[][] {
                { good.replace("\"groupLabels\":{\"alertname\":\"HighErrorRate\"}", "\"groupLabels\":{\"alertname\":[]}"),
                        "'groupLabels.alertname' must be a string" },
                { good.replace("\"status\":\"firing\",\n \"receiver\"", "\"status\":\"burning\",\n \"receiver\""),
                        "status must be firing or resolved" },
                { good.replace("\"groupKey\":\"", "\"groupKey\":\"\\u0000"),
                        "'groupKey' must not contain the NUL character (U+0000)" },
                { good.replace("\"alertname\":\"HighErrorRate\",\"severity\"", "\"al\\u0000ertname\":\"HighErrorRate\",\"severity\""),
                        "'alerts[0].labels' has a name that must not contain the NUL character (U+0000)" },
                { good.replace("2026-11-27T10:00:00.123456789Z", "+10000-11-27T10:00:00Z"),
                        "alerts[0].startsAt must be an RFC 3339 date-time with a four-digit year and an offset, "
                                + "e.g. 2026-11-29T10:15:30Z" },
                { "{\"version\":\"4\",\"status\":\"firing\"}", "alerts is required" } };
        for (var bad : refused) {
            assertThat(bad[0]).as(bad[1]).isNotEqualTo(good);
            mvc.perform(post("/webhooks/alertmanager").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                            .contentType(MediaType.APPLICATION_JSON).content(bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(bad[1]));
        }
        assertThat(eventsFor(fingerprint)).isZero();
    }
}
