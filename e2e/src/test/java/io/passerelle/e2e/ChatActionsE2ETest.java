package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Approving from Slack (issue 11, ADR 0026) on the e2e stack, through the gateway, with the real Keycloak: a Slack
 * interaction signed with the configured signing secret, for alice's Slack id (realm attribute slack-user-id
 * {@value #ALICE}), approves a change as alice — the bridge looked her up with Keycloak's Admin REST API and called
 * change-service as her; the same click on a change alice raised herself is refused (segregation of duties), and the
 * refusal is answered on the interaction's response_url (a local server here, as Slack's would be).
 */
@ExtendWith(SharedStack.class)
class ChatActionsE2ETest {

    static final String ALICE = "U0ALICE";
    static final String SIGNING_SECRET = "e2e-slack-signing-secret-" + UUID.randomUUID();
    static final String SERVICE = "chatops-e2e";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static HttpServer slack;
    static final List<JsonNode> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() throws IOException {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/actions/", exchange -> {
            try (exchange) {
                var body = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
                ((tools.jackson.databind.node.ObjectNode) body).put("path", exchange.getRequestURI().getPath());
                answers.add(body);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        slack.start();
        var set = Http.send("PUT", Stack.GATEWAY + "/api/v1/chat-apps/slack", tokens.user("oscar"),
                Http.JSON.writeValueAsBytes(Map.of("signingSecret", SIGNING_SECRET)), Map.of());
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.raw()).doesNotContain(SIGNING_SECRET);
        var target = Map.<String, Object>of("type", "webhook", "url", "http://127.0.0.1:9/unused");
        var registered = Http.post(Stack.GATEWAY + "/api/v1/services", tokens.user("rhea"), Map.of("name", SERVICE,
                "repository", "octo-org/" + SERVICE, "defaultBranch", "main",
                "webhookSecret", "chatops-e2e-webhook-secret-0123", "environments", List.of(
                        Map.of("name", "production", "order", 1, "requiresApproval", true, "deployTarget", target))));
        assertThat(registered.status()).as(registered.raw()).isIn(201, 409);
    }

    @AfterAll
    static void down() {
        if (slack != null) {
            slack.stop(0);
        }
    }

    @Test
    void a_slack_approval_signed_with_the_secret_approves_the_change_as_alice() throws Exception {
        var change = raiseAs("bob");
        var responseUrl = responseUrl();

        var accepted = click(change, responseUrl);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(accepted.body()).path("outcome").asString()).isEqualTo("accepted");

        var answer = answerOn(responseUrl);
        assertThat(answer.path("text").asString()).startsWith("Done: approve change " + change).contains("as alice");
        var decided = Http.get(Stack.GATEWAY + "/api/v1/changes/" + change, tokens.user("sam"));
        assertThat(decided.body().path("approvals").get(0).path("by").asString()).isEqualTo("alice");
        assertThat(decided.body().path("state").asString()).isNotEqualTo("PENDING_APPROVAL");
    }

    @Test
    void a_slack_approval_by_the_requester_is_refused_and_the_refusal_answered_in_slack() throws Exception {
        var change = raiseAs("alice");
        var responseUrl = responseUrl();

        assertThat(click(change, responseUrl).statusCode()).isEqualTo(200);

        var answer = answerOn(responseUrl);
        assertThat(answer.path("text").asString()).startsWith("Refused: approve change " + change + ", as alice");
        var undecided = Http.get(Stack.GATEWAY + "/api/v1/changes/" + change, tokens.user("sam"));
        assertThat(undecided.body().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(undecided.body().path("approvals").size()).isZero();
    }

    @Test
    void a_stale_slack_request_is_refused_at_once() throws Exception {
        var body = interaction(UUID.randomUUID().toString(), responseUrl());
        var stale = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());

        var refused = post(body, stale, sign(stale, body));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static String raiseAs(String user) {
        var token = tokens.user(user);
        var raised = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(Stack.GATEWAY + "/api/v1/changes", token, Map.of("service", SERVICE,
                        "environment", "production", "title", "Rotate the keys from chat", "type", "NORMAL")),
                        r -> r.status() == 201);
        return raised.body().path("id").asString();
    }

    private static String responseUrl() {
        return "http://127.0.0.1:" + slack.getAddress().getPort() + "/actions/" + UUID.randomUUID();
    }

    private static JsonNode answerOn(String responseUrl) {
        var path = URI.create(responseUrl).getPath();
        return await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream()
                .filter(a -> path.equals(a.path("path").asString())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static HttpResponse<String> click(String change, String responseUrl) throws Exception {
        var body = interaction(change, responseUrl);
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        return post(body, timestamp, sign(timestamp, body));
    }

    private static String interaction(String change, String responseUrl) {
        var payload = Http.JSON.writeValueAsString(Map.of("type", "block_actions",
                "user", Map.of("id", ALICE, "username", "alice"), "response_url", responseUrl,
                "actions", List.of(Map.of("type", "button", "action_id", "passerelle.change.approve",
                        "value", change))));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /** Slack's v0 signature, computed here independently of Passerelle's code. */
    private static String sign(String timestamp, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/webhooks/slack/actions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
