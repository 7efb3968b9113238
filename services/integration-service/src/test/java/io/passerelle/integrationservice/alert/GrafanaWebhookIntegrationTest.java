package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.RepositoryFiles;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grafana's webhook contact point end to end in the service: the real notification from the shared vectors (the
 * resolved one as it is, and a firing one made from it), bodies signed as Grafana signs them (with a timestamp), the
 * bearer-token alternative, and every refusal writing nothing.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class GrafanaWebhookIntegrationTest {

    static final String SECRET = "grafana-secret-for-integration-tests";
    static final String SIGNATURE = "X-Grafana-Alerting-Signature";
    static final String TIMESTAMP = "X-Grafana-Alerting-Timestamp";
    static final String VECTOR_FINGERPRINT = "becbfb94bd81ef48";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void grafana_signs_with_a_timestamp() throws Exception {
        mvc.perform(put("/api/v1/alert-sources/grafana").with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"secret\":\"" + SECRET + "\",\"timestampHeader\":\"" + TIMESTAMP + "\"}"))
                .andExpect(status().isOk());
        // the same body within the window is a duplicate: a test run a minute ago must not make this one one
        jdbc.sql("delete from alert_notification").update();
    }

    /** A Grafana notification of one alert, as Grafana's default payload has it. */
    static byte[] notification(String status, String fingerprint, String labels, String endsAt) {
        return """
                {"receiver":"passerelle","status":"%1$s","orgId":1,"alerts":[{"status":"%1$s","labels":{%3$s},
                 "annotations":{"summary":"5xx above 5%%"},"startsAt":"2026-11-27T10:00:00Z","endsAt":"%4$s",
                 "generatorURL":"http://grafana:3000/alerting/grafana/abc/view","fingerprint":"%2$s",
                 "silenceURL":"http://grafana:3000/alerting/silence/new","dashboardURL":"http://grafana:3000/d/shop",
                 "panelURL":"http://grafana:3000/d/shop?viewPanel=4","values":{"B":7.5,"C":1},
                 "valueString":"[ var='B' value=7.5 ]","ruleUID":"abc"}],"groupLabels":{"alertname":"HighErrorRate"},
                 "commonLabels":{},"commonAnnotations":{},"externalURL":"http://grafana:3000/","version":"1",
                 "groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,"title":"[%1$s] HighErrorRate",
                 "state":"alerting","message":"**Firing**"}"""
                .formatted(status, fingerprint, labels, endsAt).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] firing(String fingerprint, String labels) {
        return notification("firing", fingerprint, labels, "0001-01-01T00:00:00Z");
    }

    static MockHttpServletRequestBuilder signed(byte[] body, Instant at) throws Exception {
        var timestamp = Long.toString(at.getEpochSecond());
        return post("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, GrafanaSignatureTest.hmac(SECRET, timestamp + ":"
                        + new String(body, StandardCharsets.UTF_8)));
    }

    int eventsFor(String fingerprint) {
        return jdbc.sql("select count(*) from outbox_event where subject = :fp and type like 'alert.%'")
                .param("fp", fingerprint).query(Integer.class).single();
    }

    int notificationsRemembered() {
        return jdbc.sql("select count(*) from alert_notification").query(Integer.class).single();
    }

    ResultActions refused(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/" + type));
    }

    @Test
    void the_shared_vector_fires_and_resolves_an_unattributed_alert_when_signed() throws Exception {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        var resolved = Files.readAllBytes(RepositoryFiles.vectors().orElseThrow()
                .resolve("grafana/webhook_grafana_resolved.json"));
        var tree = (ObjectNode) JSON.readTree(resolved);
        tree.put("status", "firing").put("state", "alerting");
        ((ObjectNode) tree.get("alerts").get(0)).put("status", "firing").put("endsAt", "0001-01-01T00:00:00Z");
        var firing = JSON.writeValueAsBytes(tree);
        var before = events.received("alert.fired.v1", d -> d.get("fingerprint").asString().equals(VECTOR_FINGERPRINT))
                .size();

        mvc.perform(signed(firing, Instant.now()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.unattributed").value(1))
                .andExpect(jsonPath("$.skipped").value(0));

        var fired = EventContracts.assertConforms(events.await("alert.fired.v1",
                d -> d.get("fingerprint").asString().equals(VECTOR_FINGERPRINT))).data();
        assertThat(events.received("alert.fired.v1", d -> d.get("fingerprint").asString().equals(VECTOR_FINGERPRINT)))
                .hasSize(before + 1);
        assertThat(fired.get("source").asString()).isEqualTo("grafana");
        assertThat(fired.has("service")).as("job=node-exporter names no catalogued service").isFalse();
        assertThat(fired.has("environment")).isFalse();
        assertThat(fired.get("alertName").asString()).isEqualTo("Load avg 15m too high");
        assertThat(fired.get("summary").asString()).isEqualTo("15m load average too high");
        assertThat(fired.get("startsAt").asString()).isEqualTo("2024-03-15T02:28:00Z");
        assertThat(fired.get("generatorUrl").asString()).isEqualTo("localhost:3000/alerting/grafana/NW9oDw-4z/view");
        assertThat(fired.get("labels").get("grafana_folder").asString()).isEqualTo("Node alerts");
        assertThat(fired.has("dashboardUrl")).as("Grafana sends \"\" when the rule has no dashboard").isFalse();

        mvc.perform(signed(resolved, Instant.now()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.unattributed").value(1));

        var cleared = EventContracts.assertConforms(events.await("alert.resolved.v1",
                d -> d.get("fingerprint").asString().equals(VECTOR_FINGERPRINT))).data();
        assertThat(cleared.get("endsAt").asString()).isEqualTo("2024-03-15T02:42:00Z");
        assertThat(cleared.get("source").asString()).isEqualTo("grafana");
    }

    @Test
    void a_signed_pair_naming_a_catalogued_service_carries_it_with_the_dashboard_and_panel() throws Exception {
        var service = TestCatalog.register(events, jdbc, "main", "staging", "prod").service();
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var labels = "\"alertname\":\"HighErrorRate\",\"severity\":\"critical\",\"app\":\"" + service
                + "\",\"namespace\":\"Prod\"";

        mvc.perform(signed(firing(fingerprint, labels), Instant.now()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.unattributed").value(0));

        var fired = EventContracts.assertConforms(events.await("alert.fired.v1",
                d -> d.get("fingerprint").asString().equals(fingerprint))).data();
        assertThat(fired.get("service").asString()).isEqualTo(service);
        assertThat(fired.get("environment").asString()).as("as the catalog names it").isEqualTo("prod");
        assertThat(fired.get("dashboardUrl").asString()).isEqualTo("http://grafana:3000/d/shop");
        assertThat(fired.get("panelUrl").asString()).isEqualTo("http://grafana:3000/d/shop?viewPanel=4");
        assertThat(fired.get("severity").asString()).isEqualTo("critical");

        mvc.perform(signed(notification("resolved", fingerprint, labels, "2026-11-27T10:09:00Z"), Instant.now()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));
        var cleared = EventContracts.assertConforms(events.await("alert.resolved.v1",
                d -> d.get("fingerprint").asString().equals(fingerprint))).data();
        assertThat(cleared.get("service").asString()).isEqualTo(service);
        assertThat(cleared.get("endsAt").asString()).isEqualTo("2026-11-27T10:09:00Z");
    }

    @Test
    void a_monitoring_token_needs_no_signature_and_another_role_is_403() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var body = firing(fingerprint, "\"alertname\":\"X\"");

        refused(mvc.perform(post("/webhooks/grafana").with(TestJwts.user("passerelle-ci", "pipeline"))
                .contentType(MediaType.APPLICATION_JSON).content(body)), 403, "forbidden");
        assertThat(eventsFor(fingerprint)).isZero();

        mvc.perform(post("/webhooks/grafana").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(eventsFor(fingerprint)).isOne();
    }

    @Test
    void with_a_token_a_malformed_signature_or_timestamp_header_is_400_and_writes_nothing() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var body = firing(fingerprint, "\"alertname\":\"X\"");

        refused(mvc.perform(post("/webhooks/grafana").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                .contentType(MediaType.APPLICATION_JSON).content(body).header(TIMESTAMP, "workflow_run")), 400,
                "invalid-request").andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        TIMESTAMP)));
        refused(mvc.perform(post("/webhooks/grafana").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                .contentType(MediaType.APPLICATION_JSON).content(body).header(SIGNATURE, "sha256=")), 400,
                "invalid-request");

        assertThat(eventsFor(fingerprint)).isZero();
        assertThat(notificationsRemembered()).isZero();
    }

    @Test
    void without_a_token_an_unsigned_a_forged_or_a_stale_notification_is_401_and_writes_nothing() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var body = firing(fingerprint, "\"alertname\":\"X\"");
        var now = Long.toString(Instant.now().getEpochSecond());

        refused(mvc.perform(post("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content(body)), 401,
                "unauthenticated").andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "bearer token with role monitoring")));
        refused(mvc.perform(post("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(TIMESTAMP, now).header(SIGNATURE, GrafanaSignatureTest.hmac("another-secret-entirely",
                        now + ":" + new String(body, StandardCharsets.UTF_8)))), 401, "unauthenticated");
        refused(mvc.perform(post("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(SIGNATURE, GrafanaSignatureTest.hmac(SECRET, new String(body, StandardCharsets.UTF_8)))), 401,
                "unauthenticated").andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(TIMESTAMP)));
        refused(mvc.perform(signed(body, Instant.now().minusSeconds(301))), 401, "unauthenticated")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("outside the 300 s window")));

        assertThat(eventsFor(fingerprint)).isZero();
        assertThat(notificationsRemembered()).isZero();
    }

    @Test
    void the_same_signature_again_is_409_and_the_same_notification_signed_anew_publishes_nothing() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var body = firing(fingerprint, "\"alertname\":\"X\"");
        var sent = Instant.now();

        mvc.perform(signed(body, sent)).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
        refused(mvc.perform(signed(body, sent)), 409, "replayed-delivery");
        mvc.perform(signed(body, sent.plusSeconds(1)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.accepted").value(0));
        mvc.perform(post("/webhooks/grafana").with(TestJwts.user("passerelle-monitoring", "monitoring"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(eventsFor(fingerprint)).isOne();
        assertThat(notificationsRemembered()).isOne();
    }

    @Test
    void a_body_that_is_not_json_or_not_grafana_s_is_refused_and_writes_nothing() throws Exception {
        var fingerprint = UUID.randomUUID().toString().substring(0, 16);
        var template = "**Firing** HighErrorRate on shop".getBytes(StandardCharsets.UTF_8);

        refused(mvc.perform(signed(template, Instant.now()).contentType(MediaType.TEXT_PLAIN)), 415,
                "unsupported-media-type").andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "custom payload")));
        refused(mvc.perform(signed(template, Instant.now())), 400, "invalid-request")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid JSON")));
        var version2 = new String(firing(fingerprint, "\"alertname\":\"X\""), StandardCharsets.UTF_8)
                .replace("\"version\":\"1\"", "\"version\":\"2\"").getBytes(StandardCharsets.UTF_8);
        refused(mvc.perform(signed(version2, Instant.now())), 400, "invalid-request")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only '1'")));
        var badTime = new String(firing(fingerprint, "\"alertname\":\"X\""), StandardCharsets.UTF_8)
                .replace("2026-11-27T10:00:00Z", "yesterday").getBytes(StandardCharsets.UTF_8);
        refused(mvc.perform(signed(badTime, Instant.now())), 400, "invalid-request")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("alerts[0].startsAt")));
        var oversized = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(oversized, (byte) ' ');
        refused(mvc.perform(signed(oversized, Instant.now())), 413, "body-too-large");

        assertThat(eventsFor(fingerprint)).isZero();
        assertThat(notificationsRemembered()).isZero();
    }
}
