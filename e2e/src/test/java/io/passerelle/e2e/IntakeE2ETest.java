package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The golden path from GitLab and from any CI (issue 11), through the gateway on the e2e stack: a service that names a
 * GitLab project gets deployed from a GitLab Pipeline Hook (the shared vector), and from a run reported over REST by a
 * CI holding a pipeline token. Also measures how long a new registration takes to reach the GitLab intake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class IntakeE2ETest {

    static final String SERVICE = "intake";
    static final String PROJECT = "acme/platform/intake";
    static final String SECRET = "intake-webhook-secret-0123456789";
    static final String GITLAB_SHA = "bcbb5ec396a2c0f828686f14fac9b80b780504f2";
    static final String REST_SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    static Path vectors;
    static String rhea;
    static String sam;

    @BeforeAll
    static void up() throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        vectors = root.getParent().resolve("shared/vectors");
        Assumptions.assumeTrue(Files.isDirectory(vectors.resolve("gitlab")),
                "shared test vectors not found at ../shared/vectors/gitlab: the GitLab intake needs them; skipped");
        target = new DeployTarget(tokens);
        target.trust(SERVICE, SECRET);
        rhea = tokens.user("rhea");
        sam = tokens.user("sam");
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Order(1)
    void a_hook_for_an_unregistered_project_fails_then_passes_once_the_registration_reaches_the_intake()
            throws Exception {
        var running = pipelineHook("running", GITLAB_SHA);
        var before = sendHook(running, SECRET, UUID.randomUUID().toString());
        assertThat(before.status()).as(before.raw()).isEqualTo(422);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.body().path("title").asString()).isEqualTo("Project not in the catalog");

        var service = Map.of("name", SERVICE, "repository", "octo-org/intake", "gitlabProject", PROJECT,
                "defaultBranch", "master", "webhookSecret", SECRET, "environments", List.of(Map.of("name", "staging",
                        "order", 1, "requiresApproval", false, "deployTarget", Map.of("type", "webhook", "url",
                                target.url("/ok")))));
        var created = Http.post(Stack.GATEWAY + "/api/v1/services", rhea, service);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("gitlabProject").asString()).isEqualTo(PROJECT);
        var registered = System.nanoTime();
        // registration → service.registered.v1 → integration-service's catalog: the first hook that is no longer 422
        var answered = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> sendHook(running, SECRET, UUID.randomUUID().toString()), r -> r.status() != 422);
        var millis = (System.nanoTime() - registered) / 1_000_000;
        System.out.println("[intake] a new registration reached the GitLab intake in " + millis + " ms");
        assertThat(answered.status()).as(answered.raw()).isEqualTo(202);
        assertThat(answered.body().path("outcome").asString()).isEqualTo("ignored");
    }

    @Test
    @Order(2)
    void a_gitlab_hook_with_another_token_is_refused() throws Exception {
        var refused = sendHook(pipelineHook("success", GITLAB_SHA), "not-the-token-of-this-project",
                UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(deployments()).isEmpty();
    }

    @Test
    @Order(3)
    void a_green_gitlab_pipeline_deploys_through_the_target_and_gitlab_s_retry_publishes_nothing() throws Exception {
        var key = UUID.randomUUID().toString();
        var hook = pipelineHook("success", GITLAB_SHA);
        var accepted = sendHook(hook, SECRET, key);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        var retry = sendHook(hook, SECRET, key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.body().path("outcome").asString()).isEqualTo("duplicate");

        var staging = awaitDeployment(d -> GITLAB_SHA.equals(d.path("commitSha").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
        var change = awaitChange(c -> staging.path("id").asString().equals(c.path("deploymentId").asString())
                && "CLOSED".equals(c.path("state").asString()));
        assertThat(change.path("type").asString()).isEqualTo("STANDARD");
        assertThat(target.callsFor(SERVICE)).filteredOn(c -> GITLAB_SHA.equals(c.commitSha())).singleElement()
                .satisfies(call -> assertThat(call.signatureValid()).isTrue());
    }

    @Test
    @Order(4)
    void a_run_reported_over_rest_by_a_pipeline_token_deploys_once_whatever_the_retries() {
        var run = Map.of("service", SERVICE, "commit", REST_SHA, "branch", "master", "result", "success",
                "runUrl", "https://jenkins.example/job/intake/42/", "runNumber", 42,
                "evidence", Map.of("tests", Map.of("passed", 12, "failed", 0)));
        var key = "jenkins-intake-42-" + UUID.randomUUID();
        var headers = Map.of("Idempotency-Key", key);
        var body = Http.JSON.writeValueAsBytes(run);
        var forbidden = Http.send("POST", Stack.GATEWAY + "/api/v1/pipeline-runs", sam, body, headers);
        assertThat(forbidden.status()).as(forbidden.raw()).isEqualTo(403);
        var pipeline = tokens.pipeline();
        for (int i = 0; i < 2; i++) {
            var accepted = Http.send("POST", Stack.GATEWAY + "/api/v1/pipeline-runs", pipeline, body, headers);
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            assertThat(accepted.body().path("outcome").asString()).isEqualTo("accepted");
        }

        awaitDeployment(d -> REST_SHA.equals(d.path("commitSha").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
        assertThat(deployments()).filteredOn(d -> REST_SHA.equals(d.path("commitSha").asString())).hasSize(1);
    }

    // ---- helpers

    static ObjectNode pipelineHook(String status, String sha) throws Exception {
        var hook = (ObjectNode) Http.JSON.readTree(Files.readAllBytes(vectors.resolve("gitlab/pipeline.json")));
        ((ObjectNode) hook.get("project")).put("path_with_namespace", PROJECT);
        var attributes = (ObjectNode) hook.get("object_attributes");
        attributes.put("status", status);
        attributes.put("sha", sha);
        ((ObjectNode) hook.get("commit")).put("id", sha);
        return hook;
    }

    static Http.Response sendHook(ObjectNode hook, String token, String key) {
        return Http.send("POST", Stack.GATEWAY + "/webhooks/gitlab", null, Http.JSON.writeValueAsBytes(hook),
                Map.of("X-Gitlab-Event", "Pipeline Hook", "X-Gitlab-Token", token, "Idempotency-Key", key));
    }

    static List<JsonNode> list(String path) {
        var response = Http.get(Stack.GATEWAY + "/api/v1" + path, rhea);
        assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        response.body().forEach(items::add);
        return items;
    }

    static List<JsonNode> deployments() {
        return list("/deployments?service=" + SERVICE);
    }

    static JsonNode awaitDeployment(Predicate<JsonNode> matches) {
        return awaitOne("/deployments?service=" + SERVICE, matches);
    }

    static JsonNode awaitChange(Predicate<JsonNode> matches) {
        return awaitOne("/changes?service=" + SERVICE, matches);
    }

    static JsonNode awaitOne(String path, Predicate<JsonNode> matches) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> list(path).stream().filter(matches).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
