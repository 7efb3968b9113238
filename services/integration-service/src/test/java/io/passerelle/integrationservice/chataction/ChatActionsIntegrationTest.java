package io.passerelle.integrationservice.chataction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buttons clicked in Slack and Mattermost, end to end inside integration-service: the webhook authenticated, the chat
 * user linked to a realm user through (a local stand-in for) Keycloak's Admin REST API, the decision endpoint called
 * through (a stand-in for) the gateway as that user, and the outcome answered in the chat.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ChatActionsIntegrationTest {

    static final String SIGNING_SECRET = "slack-signing-secret-for-tests";
    static final String PROBLEMS = "https://passerelle.io/problems/";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SecretSealer sealer;
    @Autowired JsonMapper json;

    final FakeChatWorld world = FakeChatWorld.shared();
    final String slackId = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    final String mattermostId = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    final String username = "user-" + slackId.toLowerCase(Locale.ROOT);
    final UUID change = UUID.randomUUID();

    /**
     * This test's Mattermost channels name no service: every other test's notification would go to them too (the
     * chatops tests count their messages), so they are removed after each test, their messages with them.
     */
    @AfterEach
    void forgetChannels() {
        jdbc.sql("delete from chat_message where channel like 'mm-%'").update();
        jdbc.sql("delete from chat_channel where name like 'mm-%'").update();
    }

    @BeforeEach
    void configure() throws Exception {
        mvc.perform(put("/api/v1/chat-apps/slack").with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signingSecret\":\"" + SIGNING_SECRET + "\"}"))
                .andExpect(status().isOk());
        world.user(username, Map.of("slack-user-id", slackId, "mattermost-user-id", mattermostId), "change-manager");
        world.change(change, "rhea");
    }

    @Test
    void a_slack_approval_is_verified_mapped_to_its_realm_user_and_answered_in_slack() throws Exception {
        var responseUrl = world.responseUrl();

        slack(interaction(slackId, "passerelle.change.approve", change.toString(), responseUrl), now())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("accepted"));

        var answer = await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(responseUrl), a -> !a.isEmpty());
        assertThat(answer).hasSize(1);
        assertThat(answer.getFirst().get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(answer.getFirst().get("text").asString()).startsWith("Done: approve change " + change)
                .contains("as " + username);
        var calls = world.calls(change);
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().path()).isEqualTo("/api/v1/changes/" + change + "/approve");
        assertThat(calls.getFirst().headers()).containsEntry("Passerelle-Acting-User", username)
                .containsEntry("Passerelle-Acting-Roles", "change-manager");
        assertThat(calls.getFirst().body().get("comment").asString()).isEqualTo("approved from chat by " + username);
        await().atMost(Duration.ofSeconds(5)).until(() -> queued() == 0);
    }

    @Test
    void a_slack_rejection_sends_its_reason() throws Exception {
        var responseUrl = world.responseUrl();

        slack(interaction(slackId, "passerelle.change.reject", change.toString(), responseUrl), now())
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(responseUrl), a -> !a.isEmpty());
        assertThat(world.calls(change).getFirst().path()).endsWith("/reject");
        assertThat(world.calls(change).getFirst().body().get("reason").asString())
                .isEqualTo("rejected from chat by " + username);
    }

    @Test
    void an_approval_by_the_requester_is_refused_and_the_refusal_answered_in_slack() throws Exception {
        world.change(change, username);
        var responseUrl = world.responseUrl();

        slack(interaction(slackId, "passerelle.change.approve", change.toString(), responseUrl), now())
                .andExpect(status().isOk());

        var answer = await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(responseUrl), a -> !a.isEmpty());
        assertThat(answer.getFirst().get("text").asString())
                .startsWith("Refused: approve change " + change + ", as " + username)
                .contains("Segregation of duties").contains("may not decide");
    }

    @Test
    void a_suspect_is_confirmed_and_a_rollback_started_from_slack_through_their_services_endpoints() throws Exception {
        var incident = UUID.randomUUID();
        var deployment = UUID.randomUUID();
        var confirmUrl = world.responseUrl();
        var rollbackUrl = world.responseUrl();

        slack(interaction(slackId, "passerelle.suspect.confirm", incident + ":" + deployment, confirmUrl), now())
                .andExpect(status().isOk());
        slack(interaction(slackId, "passerelle.rollback.start", incident + ":" + deployment, rollbackUrl), now())
                .andExpect(status().isOk());

        var confirmed = await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(confirmUrl),
                a -> !a.isEmpty());
        var rolledBack = await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(rollbackUrl),
                a -> !a.isEmpty());
        assertThat(confirmed.getFirst().get("text").asString()).isEqualTo("Done: confirm the suspect deployment "
                + deployment + " of incident " + incident + ", as " + username + ".");
        assertThat(rolledBack.getFirst().get("text").asString()).isEqualTo("Done: roll back deployment " + deployment
                + " (incident " + incident + "), as " + username + ".");
        var calls = world.calls(deployment);
        assertThat(calls).extracting(FakeChatWorld.Call::path).containsExactlyInAnyOrder(
                "/api/v1/incidents/" + incident + "/suspects/" + deployment + "/confirm",
                "/api/v1/deployments/" + deployment + "/rollback");
        assertThat(calls).allSatisfy(c -> assertThat(c.headers()).containsEntry("Passerelle-Acting-User", username));
        var rollback = calls.stream().filter(c -> c.path().endsWith("/rollback")).findFirst().orElseThrow();
        assertThat(rollback.body().get("emergency").asBoolean()).isTrue();
        assertThat(rollback.body().get("reason").asString()).contains(incident.toString()).contains(username);
    }

    @Test
    void a_stale_slack_timestamp_is_refused_and_nothing_recorded() throws Exception {
        var body = interaction(slackId, "passerelle.change.approve", change.toString(), world.responseUrl());

        problem(slack(body, Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond() + ""), 401,
                "unauthenticated").andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "outside the 300 s window")));
        problem(slack(body, Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond() + ""), 401,
                "unauthenticated");

        assertThat(queued()).isZero();
        assertThat(world.calls(change)).isEmpty();
    }

    @Test
    void a_bad_or_missing_signature_is_refused_and_nothing_recorded() throws Exception {
        var body = interaction(slackId, "passerelle.change.approve", change.toString(), world.responseUrl());
        var timestamp = now();

        problem(mvc.perform(post("/webhooks/slack/actions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackSignature.sign("another-secret-entirely", timestamp, body))),
                401, "unauthenticated");
        problem(mvc.perform(post("/webhooks/slack/actions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body).header("X-Slack-Request-Timestamp", timestamp)), 401, "unauthenticated");
        var tampered = interaction(slackId, "passerelle.change.reject", change.toString(), world.responseUrl());
        problem(mvc.perform(post("/webhooks/slack/actions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(tampered).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackSignature.sign(SIGNING_SECRET, timestamp, body))),
                401, "unauthenticated");

        assertThat(queued()).isZero();
        assertThat(world.calls(change)).isEmpty();
    }

    @Test
    void a_replayed_slack_request_is_refused_and_acts_once() throws Exception {
        var responseUrl = world.responseUrl();
        var body = interaction(slackId, "passerelle.change.approve", change.toString(), responseUrl);
        var timestamp = now();

        slack(body, timestamp).andExpect(status().isOk());
        problem(slack(body, timestamp), 409, "replayed-delivery");

        await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(responseUrl), a -> !a.isEmpty());
        Thread.sleep(300);
        assertThat(world.calls(change)).hasSize(1);
        assertThat(world.answers(responseUrl)).hasSize(1);
    }

    @Test
    void an_unlinked_slack_user_is_told_so_and_nothing_is_called() throws Exception {
        var responseUrl = world.responseUrl();

        slack(interaction("UNOBODY0" + slackId.substring(1, 5), "passerelle.change.approve", change.toString(),
                responseUrl), now()).andExpect(status().isOk());

        var answer = await().atMost(Duration.ofSeconds(10)).until(() -> world.answers(responseUrl), a -> !a.isEmpty());
        assertThat(answer.getFirst().get("text").asString()).startsWith("You are not linked to a Passerelle user")
                .contains("slack-user-id");
        assertThat(world.calls(change)).isEmpty();
    }

    @Test
    void other_interactions_and_buttons_are_ignored_with_the_reason() throws Exception {
        var other = form(Map.of("type", "view_submission", "user", Map.of("id", slackId)));
        slack(other, now()).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("view_submission")));
        slack(interaction(slackId, "someone.else.button", change.toString(), world.responseUrl()), now())
                .andExpect(jsonPath("$.outcome").value("ignored"));
        assertThat(queued()).isZero();
    }

    @Test
    void a_malformed_payload_is_refused_after_the_signature_and_nothing_recorded() throws Exception {
        problem(slack("payload=%7Bnot-json".getBytes(StandardCharsets.UTF_8), now()), 400, "invalid-request");
        problem(slack(interaction(slackId, "passerelle.change.approve", "not-a-uuid", world.responseUrl()), now()),
                400, "invalid-request");
        assertThat(queued()).isZero();
    }

    @Test
    void a_body_over_the_limit_is_refused_with_a_problem() throws Exception {
        var body = ("payload=" + "x".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII);

        problem(slack(body, now()), 413, "body-too-large");
        assertThat(queued()).isZero();
    }

    @Test
    void a_mattermost_action_with_its_channel_token_is_performed_and_answered() throws Exception {
        var channel = channel("right-token-" + slackId);

        mvc.perform(post("/webhooks/mattermost/actions").contentType(MediaType.APPLICATION_JSON)
                        .content(mattermost(channel, "right-token-" + slackId, mattermostId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ephemeral_text").value("Done: approve change " + change + ", as " + username
                        + "."));
        assertThat(world.calls(change)).hasSize(1);
    }

    @Test
    void a_mattermost_action_with_a_wrong_token_or_channel_is_refused_and_nothing_done() throws Exception {
        var channel = channel("right-token-" + slackId);

        problem(mvc.perform(post("/webhooks/mattermost/actions").contentType(MediaType.APPLICATION_JSON)
                .content(mattermost(channel, "wrong-token", mattermostId))), 401, "unauthenticated");
        problem(mvc.perform(post("/webhooks/mattermost/actions").contentType(MediaType.APPLICATION_JSON)
                .content(mattermost("no-such-channel", "right-token-" + slackId, mattermostId))), 401,
                "unauthenticated");
        assertThat(world.calls(change)).isEmpty();
    }

    @Test
    void the_slack_signing_secret_is_set_by_an_operator_sealed_and_never_returned() throws Exception {
        mvc.perform(put("/api/v1/chat-apps/slack").with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signingSecret\":\"" + SIGNING_SECRET + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretConfigured").value(true))
                .andExpect(jsonPath("$.updatedBy").value("oscar"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        SIGNING_SECRET))));
        var stored = jdbc.sql("select signing_secret_sealed from slack_app").query(String.class).single();
        assertThat(stored).isNotEqualTo(SIGNING_SECRET);
        assertThat(sealer.unseal(stored)).isEqualTo(SIGNING_SECRET);

        problem(mvc.perform(put("/api/v1/chat-apps/slack").with(TestJwts.user("sam", "service-desk"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"signingSecret\":\"another-secret-of-some-length\"}")),
                403, "forbidden");
        problem(mvc.perform(put("/api/v1/chat-apps/slack").with(TestJwts.user("oscar", "operator"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"signingSecret\":\"short\"}")), 400,
                "invalid-request");
        assertThat(sealer.unseal(jdbc.sql("select signing_secret_sealed from slack_app").query(String.class)
                .single())).isEqualTo(SIGNING_SECRET);
    }

    private ResultActions slack(byte[] body, String timestamp) throws Exception {
        return mvc.perform(post("/webhooks/slack/actions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackSignature.sign(SIGNING_SECRET, timestamp, body)));
    }

    private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + type));
    }

    private byte[] interaction(String user, String actionId, String value, String responseUrl) {
        return form(Map.of("type", "block_actions", "user", Map.of("id", user, "username", "someone"),
                "response_url", responseUrl, "trigger_id", "1.2.3",
                "actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", "decide",
                        "value", value, "action_ts", "1764493200.000100"))));
    }

    private byte[] form(Object payload) {
        return ("payload=" + URLEncoder.encode(json.writeValueAsString(payload), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private String channel(String token) {
        var name = "mm-" + slackId.toLowerCase(Locale.ROOT);
        jdbc.sql("""
                insert into chat_channel (name, kind, webhook_url_sealed, webhook_host, action_token_sealed, updated_at,
                                          updated_by)
                values (:name, 'mattermost', :url, 'mattermost.example', :token, now(), 'oscar')""")
                .param("name", name).param("url", sealer.seal("https://mattermost.example/hooks/x"))
                .param("token", sealer.seal(token)).update();
        return name;
    }

    private String mattermost(String channel, String token, String user) {
        return json.writeValueAsString(Map.of("user_id", user, "channel_id", "c1", "post_id", "p1",
                "context", Map.of("action", "change.approve", "channel", channel, "token", token,
                        "changeId", change.toString())));
    }

    private int queued() {
        return jdbc.sql("select count(*) from chat_action").query(Integer.class).single();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
