package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CDEvents in on the e2e stack, through the gateway (issue 11): an operator registers a sender; its
 * {@code service.deployed} (structured mode) records a deployment made outside Passerelle, its
 * {@code incident.detected} (binary mode) opens an incident, and the incident's suspects name the deployment and the
 * tool that made it outside change control.
 */
@ExtendWith(SharedStack.class)
class CdEventsInE2ETest {

    static final String SERVICE = "cdin";
    static final String SENDER = "e2e-rollouts";
    static final String SECRET = "cdin-webhook-secret-0123456789ab";

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    static Path vectors;
    static String token = "sender-" + UUID.randomUUID() + UUID.randomUUID();

    @BeforeAll
    static void up() throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        vectors = root.getParent().resolve("shared/vectors/cdevents-v0.5.1/conformance");
        Assumptions.assumeTrue(Files.isDirectory(vectors),
                "shared test vectors not found at ../shared/vectors/cdevents-v0.5.1: CDEvents in needs them; skipped");
        target = new DeployTarget(tokens);
        target.trust(SERVICE, SECRET);
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void a_deployment_another_tool_made_is_suspected_when_its_incident_opens() throws Exception {
        var rhea = tokens.user("rhea");
        var created = Http.post(Stack.GATEWAY + "/api/v1/services", rhea, Map.of("name", SERVICE,
                "repository", "octo-org/cdin", "defaultBranch", "master", "webhookSecret", SECRET,
                "environments", List.of(Map.of("name", "production", "order", 1, "requiresApproval", false,
                        "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        var oscar = tokens.user("oscar");
        var forbidden = Http.send("PUT", Stack.GATEWAY + "/api/v1/cdevents/senders/" + SENDER, rhea,
                Http.JSON.writeValueAsBytes(Map.of("token", token)), Map.of("Content-Type", "application/json"));
        assertThat(forbidden.status()).as(forbidden.raw()).isEqualTo(403);
        var registered = Http.send("PUT", Stack.GATEWAY + "/api/v1/cdevents/senders/" + SENDER, oscar,
                Http.JSON.writeValueAsBytes(Map.of("token", token)), Map.of("Content-Type", "application/json"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(200);
        assertThat(registered.raw()).doesNotContain(token);

        var refused = structured(serviceDeployed(Instant.now()), "not-" + token);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);

        // the service reaches integration-service's catalog: until then a CDEvent naming it is 422, to be sent again
        var deployedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        var deployed = serviceDeployed(deployedAt);
        var accepted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> structured(deployed, token), r -> r.status() != 422);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.body().path("reason").asString()).isEqualTo("1 event(s): deployment.observed.v1");
        var again = structured(deployed, token);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("outcome").asString()).isEqualTo("duplicate");

        var detected = (ObjectNode) Http.JSON.readTree(Files.readAllBytes(vectors.resolve("incident_detected.json")));
        var context = (ObjectNode) detected.get("context");
        context.put("id", UUID.randomUUID().toString());
        context.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1)).toString());
        var content = (ObjectNode) detected.get("subject").get("content");
        ((ObjectNode) content.get("service")).put("id", SERVICE);
        ((ObjectNode) content.get("environment")).put("id", "production");
        ((ObjectNode) detected.get("subject")).put("id", "incident-" + UUID.randomUUID());
        var fired = Http.send("POST", Stack.GATEWAY + "/webhooks/cdevents", token,
                Http.JSON.writeValueAsBytes(detected), Map.of("Content-Type", "application/json",
                        "ce-specversion", "1.0", "ce-id", context.get("id").asString(),
                        "ce-source", context.get("source").asString(), "ce-type", context.get("type").asString()));
        assertThat(fired.status()).as(fired.raw()).isEqualTo(202);
        assertThat(fired.body().path("reason").asString()).isEqualTo("alert.fired.v1");

        var sam = tokens.user("sam");
        var incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> list("/incidents?service=" + SERVICE, sam).stream().findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        var full = Http.get(Stack.GATEWAY + "/api/v1/incidents/" + incident.path("id").asString(), sam);
        assertThat(full.status()).as(full.raw()).isEqualTo(200);
        var top = full.body().path("suspects").get(0);
        assertThat(top.path("madeBy").asString()).isEqualTo(SENDER);
        assertThat(top.path("version").asString()).isEqualTo("2.0.0");
        assertThat(top.path("changeId").isNull() || top.path("changeId").isMissingNode()).isTrue();
        assertThat(top.path("reason").asString()).contains("deployed by " + SENDER + " outside change control");
    }

    static ObjectNode serviceDeployed(Instant at) throws Exception {
        var cdevent = (ObjectNode) Http.JSON.readTree(Files.readAllBytes(vectors.resolve("service_deployed.json")));
        var context = (ObjectNode) cdevent.get("context");
        context.put("id", UUID.randomUUID().toString());
        context.put("timestamp", at.toString());
        var content = (ObjectNode) cdevent.get("subject").get("content");
        content.put("artifactId", "pkg:oci/" + SERVICE + "@2.0.0");
        ((ObjectNode) content.get("environment")).put("id", "production");
        return cdevent;
    }

    static Http.Response structured(ObjectNode cdevent, String bearer) {
        var context = cdevent.get("context");
        var envelope = Http.JSON.createObjectNode().put("specversion", "1.0").put("id", context.get("id").asString())
                .put("source", context.get("source").asString()).put("type", context.get("type").asString());
        envelope.set("data", cdevent);
        return Http.send("POST", Stack.GATEWAY + "/webhooks/cdevents", bearer, Http.JSON.writeValueAsBytes(envelope),
                Map.of("Content-Type", "application/cloudevents+json"));
    }

    static List<JsonNode> list(String path, String token) {
        var response = Http.get(Stack.GATEWAY + "/api/v1" + path, token);
        assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        response.body().forEach(items::add);
        return items;
    }
}
