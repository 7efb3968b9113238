package io.passerelle.integrationservice.chatops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.executor.FakeDeployTarget;
import io.passerelle.platform.crypto.SecretSealer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat channels registered through the API, events in through the inbox, messages out to a real HTTP server on
 * 127.0.0.1 standing in for Slack or Mattermost: buttons per the ChatOps contract, a chat that is down blocking
 * nothing, dead messages listed and replayed, secrets sealed and never returned.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc // the other integration tests' context: one context at a time on the test queues
class ChatOpsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired SecretSealer sealer;
    final JsonMapper json = JsonMapper.builder().build();
    final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    final String channel = "chan-" + UUID.randomUUID().toString().substring(0, 8);

    void register(String name, String kind, String url, String forService) throws Exception {
        mvc.perform(put("/api/v1/chat-channels/" + name).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"webhookUrl\":\"" + url + "\",\"service\":\"" + forService
                                + "\"}")
                        .with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.webhookHost").value("127.0.0.1"))
                .andExpect(jsonPath("$.webhookUrl").doesNotExist());
    }

    ObjectNode raised(String title) {
        var data = (ObjectNode) EventContracts.recorded("change.raised.v1");
        data.put("changeId", UUID.randomUUID().toString());
        data.put("service", service);
        data.put("title", title);
        return data;
    }

    Map<String, Object> row(String changeEventId) {
        return jdbc.sql("select * from chat_message where event_id = :id and channel = :channel") // this test's own
                .param("id", changeEventId).param("channel", channel).query().singleRow();
    }

    @Test
    void a_normal_change_waiting_for_approval_reaches_slack_with_its_risk_and_its_buttons() throws Exception {
        try (var slack = new FakeDeployTarget(200)) {
            register(channel, "slack", slack.url(), service);
            var change = raised("Deploy \"payments\" <!channel> 1.4.2");
            var changeId = change.get("changeId").asString();

            events.publish("change.raised.v1", changeId, change);

            await().atMost(Duration.ofSeconds(15)).until(() -> !slack.received().isEmpty());
            var received = slack.received().getFirst();
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            JsonNode message = json.readTree(received.body());
            assertThat(message.at("/blocks/0/text/text").asString()).contains(
                    "http://127.0.0.1:8080/changes/" + changeId, "Deploy \"payments\" &lt;!channel&gt; 1.4.2",
                    "*Risk 47/100*", "1 P2 incident open on payments in production");
            assertThat(message.at("/blocks/1/elements/0/action_id").asString()).isEqualTo("passerelle.change.approve");
            assertThat(message.at("/blocks/1/elements/0/value").asString()).isEqualTo(changeId);
            assertThat(message.at("/blocks/1/elements/1/action_id").asString()).isEqualTo("passerelle.change.reject");
            assertThat(message.at("/blocks/1/elements/1/value").asString()).isEqualTo(changeId);
        }
    }

    @Test
    void a_slack_outage_blocks_nothing_and_the_message_arrives_once_slack_is_back() throws Exception {
        try (var slack = new FakeDeployTarget(503, 503, 503, 503, 200)) {
            register(channel, "slack", slack.url(), service);
            var change = raised("Deploy during an outage");

            var event = events.publish("change.raised.v1", change.get("changeId").asString(), change);

            // the event's handling commits its message at once, while Slack still answers 503
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                    "select count(*) from chat_message where event_id = :id").param("id", event.id())
                    .query(Long.class).single() == 1);
            assertThat(row(event.id()).get("delivered_at")).isNull();

            await().atMost(Duration.ofSeconds(15)).until(() -> row(event.id()).get("delivered_at") != null);
            assertThat(slack.received()).hasSize(5);
            assertThat(row(event.id()).get("attempts")).isEqualTo(2);

            events.publish(event); // redelivered: nothing more is sent
            Thread.sleep(500);
            assertThat(slack.received()).hasSize(5);
        }
    }

    @Test
    void a_message_the_webhook_refuses_is_dead_until_an_operator_replays_it() throws Exception {
        try (var slack = new FakeDeployTarget(404, 200)) {
            register(channel, "slack", slack.url(), service);
            var change = raised("Refused once");
            var event = events.publish("change.raised.v1", change.get("changeId").asString(), change);
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                    "select count(*) from chat_message where event_id = :id and failed_reason is not null"
                            + " and next_attempt_at is null").param("id", event.id()).query(Long.class).single() == 1);
            var id = row(event.id()).get("id").toString();

            mvc.perform(get("/api/v1/chat-messages").param("state", "dead").with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == '" + id + "')].failedReason")
                            .value("the chat webhook answered 404"))
                    .andExpect(jsonPath("$[?(@.id == '" + id + "')].channel").value(channel))
                    .andExpect(jsonPath("$[0].body").doesNotExist());
            mvc.perform(post("/api/v1/chat-messages/" + id + "/replay")
                            .with(TestJwts.user("passerelle-ci", "pipeline")))
                    .andExpect(status().isForbidden());

            mvc.perform(post("/api/v1/chat-messages/" + id + "/replay").with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("pending"))
                    .andExpect(jsonPath("$.attempts").value(0));
            await().atMost(Duration.ofSeconds(15)).until(() -> row(event.id()).get("delivered_at") != null);
            assertThat(slack.received()).hasSize(2);

            mvc.perform(post("/api/v1/chat-messages/" + id + "/replay").with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(post("/api/v1/chat-messages/" + UUID.randomUUID() + "/replay")
                            .with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/chat-messages").param("state", "lost").with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void a_p1_incident_reaches_mattermost_with_its_top_suspect_and_the_channel_s_token_only_on_the_wire()
            throws Exception {
        try (var mattermost = new FakeDeployTarget(200); var elsewhere = new FakeDeployTarget(200)) {
            register(channel, "mattermost", mattermost.url(), service);
            register(channel + "-x", "slack", elsewhere.url(), service + "-other");
            var incident = (ObjectNode) EventContracts.recorded("incident.opened.v1");
            incident.put("incidentId", UUID.randomUUID().toString());
            incident.put("service", service);

            var event = events.publish("incident.opened.v1", "i", incident);

            await().atMost(Duration.ofSeconds(15)).until(() -> !mattermost.received().isEmpty());
            var token = sealer.unseal(jdbc.sql("select action_token_sealed from chat_channel where name = :n")
                    .param("n", channel).query(String.class).single());
            JsonNode message = json.readTree(mattermost.received().getFirst().body());
            var confirm = message.at("/attachments/0/actions/0/integration");
            assertThat(confirm.at("/context/action").asString()).isEqualTo("suspect.confirm");
            assertThat(confirm.at("/context/token").asString()).isEqualTo(token);
            assertThat(confirm.at("/context/channel").asString()).isEqualTo(channel);
            assertThat(confirm.at("/context/incidentId").asString()).isEqualTo(incident.get("incidentId").asString());
            assertThat(confirm.at("/context/deploymentId").asString())
                    .isEqualTo("7d3f8a2e-4b1c-4e6a-9f2d-1c8b5e7a3d90");
            assertThat(message.at("/attachments/0/actions/1/integration/context/action").asString())
                    .isEqualTo("rollback.start");
            assertThat(row(event.id()).get("body").toString()).doesNotContain(token);
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void a_held_deployment_a_proposed_and_a_declined_rollback_reach_the_channel_and_a_plain_deployment_does_not()
            throws Exception {
        try (var slack = new FakeDeployTarget(200)) {
            register(channel, "slack", slack.url(), service);
            var held = (ObjectNode) EventContracts.recorded("change.held.v1");
            held.put("service", service);
            var planned = (ObjectNode) EventContracts.recorded("deployment.planned.v1");
            planned.put("deploymentId", UUID.randomUUID().toString());
            planned.put("service", service);
            var rollback = planned.deepCopy();
            rollback.put("deploymentId", UUID.randomUUID().toString());
            rollback.putObject("rollback").put("of", "7d4c2b1a-5e6f-4a8b-9c0d-1e2f3a4b5c6d")
                    .put("reason", "P1 incident: its cause confirmed").put("emergency", true)
                    .put("incidentId", "b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f").put("automatic", true);
            var declined = (ObjectNode) EventContracts.recorded("deployment.rollback-declined.v1");
            declined.put("service", service);

            events.publish("change.held.v1", "c", held);
            var plain = events.publish("deployment.planned.v1", "d", planned);
            events.publish("deployment.planned.v1", "d", rollback);
            events.publish("deployment.rollback-declined.v1", "d", declined);

            await().atMost(Duration.ofSeconds(15)).until(() -> slack.received().size() >= 3);
            var texts = slack.received().stream().map(r -> json.readTree(r.body()).at("/blocks/0/text/text")
                    .asString()).toList();
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("*Deployment held* until *2026-11-30T07:00:00Z*",
                    "http://127.0.0.1:8080/changes/6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b"));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("*Rollback proposed* (emergency)",
                    "back to *3f2a9c1e7b4d*", "authorized at once by the incident rollback policy",
                    "/incidents/b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("*No rollback planned*",
                    "there is nothing to roll back to"));
            Thread.sleep(500);
            assertThat(slack.received()).hasSize(3);
            assertThat(jdbc.sql("select count(*) from chat_message where event_id = :id").param("id", plain.id())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void only_an_operator_registers_a_channel_its_secrets_stay_sealed_and_bad_input_writes_nothing()
            throws Exception {
        var url = "https://hooks.example.com/services/T000/B000/secret-part";
        var body = "{\"kind\":\"mattermost\",\"webhookUrl\":\"" + url + "\"}";
        mvc.perform(put("/api/v1/chat-channels/" + channel).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(TestJwts.user("rita", "release-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/chat-channels/" + channel).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(count()).isZero();

        var refusals = List.of(
                List.of(channel, "{\"kind\":\"teams\",\"webhookUrl\":\"" + url + "\"}", 400),
                List.of(channel, "{\"kind\":\"slack\"}", 400),
                List.of(channel, "{\"kind\":\"slack\",\"webhookUrl\":\"" + url + "\",\"extra\":1}", 400),
                List.of(channel, "{\"kind\":\"slack\",\"webhookUrl\":\"http://user@hooks.example.com/x\"}", 400),
                List.of(channel, "{\"kind\":\"slack\",\"webhookUrl\":\"http://169.254.169.254/latest\"}", 422),
                List.of(channel, "{\"kind\":\"slack\",\"webhookUrl\":\"http://10.1.2.3/hook\"}", 422),
                List.of("Not_A_Name", "{\"kind\":\"slack\",\"webhookUrl\":\"" + url + "\"}", 400),
                List.of(channel, "{\"kind\":\"slack\",\"webhookUrl\":\"" + url + "\",\"service\":\"Bad Name\"}", 400));
        for (var refusal : refusals) {
            mvc.perform(put("/api/v1/chat-channels/" + refusal.get(0)).contentType(MediaType.APPLICATION_JSON)
                            .content((String) refusal.get(1)).with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().is((Integer) refusal.get(2)))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(count()).isZero();

        mvc.perform(put("/api/v1/chat-channels/" + channel).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("mattermost"))
                .andExpect(jsonPath("$.webhookHost").value("hooks.example.com"))
                .andExpect(jsonPath("$.actionButtons").value(true))
                .andExpect(jsonPath("$.updatedBy").value("oscar"));
        var stored = jdbc.sql("select * from chat_channel where name = :n").param("n", channel).query().singleRow();
        assertThat(stored.get("webhook_url_sealed").toString()).doesNotContain("secret-part");
        assertThat(sealer.unseal(stored.get("webhook_url_sealed").toString())).isEqualTo(url);

        mvc.perform(put("/api/v1/chat-channels/" + channel).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"mattermost\",\"webhookUrl\":\"" + url + "2\",\"environment\":\"prod\"}")
                        .with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.environment").value("prod"));
        var updated = jdbc.sql("select * from chat_channel where name = :n").param("n", channel).query().singleRow();
        assertThat(sealer.unseal(updated.get("action_token_sealed").toString()))
                .isEqualTo(sealer.unseal(stored.get("action_token_sealed").toString()));

        mvc.perform(get("/api/v1/chat-channels").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + channel + "')].webhookHost").value("hooks.example.com"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "secret-part"))));
        mvc.perform(get("/api/v1/chat-channels").with(TestJwts.user("rita", "release-manager")))
                .andExpect(status().isForbidden());

        mvc.perform(delete("/api/v1/chat-channels/" + channel).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/chat-channels/" + channel).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isNotFound());
        assertThat(count()).isZero();
    }

    long count() {
        return jdbc.sql("select count(*) from chat_channel where name = :n").param("n", channel).query(Long.class)
                .single();
    }
}
