package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * ChatOps notifications on the real stack: an operator registers a Slack channel through the gateway whose incoming
 * webhook is a local HTTP receiver in this test; a normal change raised through the gateway reaches it as a Slack
 * message with Approve / Reject buttons; then, with the receiver answering 503, the golden path's deployment is not
 * held up, and the message about it arrives once the receiver is back.
 */
@ExtendWith(SharedStack.class)
class ChatOpsE2ETest {

    static final String SERVICE = "chatops-shop";
    static final String REPOSITORY = "octo-org/chatops-shop";
    static final String SECRET = "chatops-webhook-secret-0123456789";
    static final String SHA = "c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a70001";

    record Received(JsonNode body, int answered) {
    }

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    static HttpServer slack;
    static final AtomicInteger status = new AtomicInteger(200);
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static Path vectors;

    @BeforeAll
    static void up() throws IOException {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        vectors = root.getParent().resolve("shared/vectors");
        Assumptions.assumeTrue(Files.isDirectory(vectors),
                "shared test vectors not found at ../shared/vectors: GitHub deliveries; skipped");
        target = new DeployTarget(tokens);
        target.trust(SERVICE, SECRET);
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/services/T0/B0/e2e", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            int answer = status.get();
            received.add(new Received(Http.JSON.readTree(body), answer));
            var text = (answer == 200 ? "ok" : "service unavailable").getBytes();
            exchange.sendResponseHeaders(answer, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        slack.start();
    }

    @AfterAll
    static void down() {
        if (slack != null) {
            slack.stop(0);
        }
        if (target != null) {
            target.close();
        }
    }

    static String webhookUrl() {
        return "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T0/B0/e2e";
    }

    @Test
    void a_normal_change_reaches_slack_with_its_buttons_and_a_slack_outage_does_not_delay_a_deployment() {
        var oscar = tokens.user("oscar");
        var channel = Http.send("PUT", Stack.GATEWAY + "/api/v1/chat-channels/chatops-shop-all", oscar,
                Http.JSON.writeValueAsBytes(Map.of("kind", "slack", "webhookUrl", webhookUrl(), "service", SERVICE)),
                Map.of());
        assertThat(channel.status()).as(channel.raw()).isEqualTo(200);
        assertThat(channel.raw()).doesNotContain("/services/T0/B0/e2e");
        assertThat(Http.send("PUT", Stack.GATEWAY + "/api/v1/chat-channels/chatops-shop-all", tokens.user("rhea"),
                Http.JSON.writeValueAsBytes(Map.of("kind", "slack", "webhookUrl", webhookUrl())), Map.of()).status())
                .isEqualTo(403);

        var registered = Http.post(Stack.GATEWAY + "/api/v1/services", tokens.user("rhea"), Map.of("name", SERVICE,
                "repository", REPOSITORY, "defaultBranch", "master", "webhookSecret", SECRET, "environments", List.of(
                        Map.of("name", "staging", "order", 1, "requiresApproval", false,
                                "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))),
                        Map.of("name", "production", "order", 2, "requiresApproval", true,
                                "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))))));
        assertThat(registered.status()).as(registered.raw()).isIn(201, 409);
        GitHub.awaitCatalogued(Stack.GATEWAY, REPOSITORY, SECRET, 60);

        // a normal change waiting for approval: Approve / Reject buttons carrying its id
        var change = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Http.post(
                Stack.GATEWAY + "/api/v1/changes", tokens.user("alice"), Map.of("service", SERVICE,
                        "environment", "production", "title", "Chat \"e2e\" <!channel>", "type", "NORMAL")),
                r -> r.status() == 201);
        var changeId = change.body().path("id").asString();
        var waiting = awaitMessage(m -> m.at("/blocks/1/elements/0/value").asString().equals(changeId));
        assertThat(waiting.at("/blocks/1/elements/0/action_id").asString()).isEqualTo("passerelle.change.approve");
        assertThat(waiting.at("/blocks/1/elements/1/action_id").asString()).isEqualTo("passerelle.change.reject");
        assertThat(waiting.at("/blocks/1/elements/1/value").asString()).isEqualTo(changeId);
        assertThat(waiting.at("/blocks/0/text/text").asString()).contains("/changes/" + changeId)
                .contains("Chat \"e2e\" &lt;!channel&gt;");

        // Slack down: the golden path's deployment to staging is not held up by it
        status.set(503);
        var delivered = System.nanoTime();
        assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, REPOSITORY, SHA, 515151L), SECRET,
                GitHub.newDeliveryId()).status()).isEqualTo(202);
        var call = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> target
                .callsFor(SERVICE).stream().filter(c -> c.commitSha().equals(SHA) && c.accepted()).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(Duration.ofNanos(call.receivedAtNanos() - delivered)).isLessThan(Duration.ofSeconds(30));
        var refused = awaitReceived(r -> r.answered() == 503 && text(r.body()).contains("Change authorized"));
        assertThat(text(refused.body())).contains(SERVICE, "staging");

        // Slack back: the message it refused arrives
        status.set(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> received.stream()
                .anyMatch(r -> r.answered() == 200 && r.body().equals(refused.body())));
    }

    static String text(JsonNode message) {
        return message.path("text").asString() + " " + message.at("/blocks/0/text/text").asString();
    }

    static JsonNode awaitMessage(java.util.function.Predicate<JsonNode> wanted) {
        return awaitReceived(r -> wanted.test(r.body())).body();
    }

    static Received awaitReceived(java.util.function.Predicate<Received> wanted) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> received
                .stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }
}
