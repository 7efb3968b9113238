package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.RepositoryFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protection-rule round trip against a local GitHub ({@link FakeGitHub}: it verifies the App's JWT with the App's
 * public key and accepts reviews only with the installation token it issued): a signed delivery (the real capture
 * from the shared vectors, pointed at a catalogued repository) asks for a gate; gate.decided.v1 reviews the run.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class GitHubProtectionRuleIntegrationTest {

    static final String EVENT = "deployment_protection_rule";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Value("${passerelle.github.app.webhook-secret}") String appSecret;

    final FakeGitHub github = FakeGitHub.shared();
    final long runId = ThreadLocalRandom.current().nextLong(1_000_000, 1L << 40);
    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        service = TestCatalog.register(events, jdbc, "main", "staging", "production");
    }

    /** The real delivery (deploynaut), for our repository, at environment "Production", waiting in run runId. */
    ObjectNode protectionRule() throws Exception {
        var file = RepositoryFiles.vectors().orElseThrow()
                .resolve("github/deploynaut/deployment_protection_rule.requested.json");
        var payload = (ObjectNode) json.readTree(Files.readAllBytes(file));
        ((ObjectNode) payload.get("repository")).put("full_name", service.repository());
        ((ObjectNode) payload.get("repository")).put("html_url", "https://github.com/" + service.repository());
        payload.put("environment", "Production");
        payload.put("deployment_callback_url", github.callbackUrl(service.repository(), runId));
        return payload;
    }

    ResultActions deliver(String deliveryId, byte[] body, @Nullable String signature) throws Exception {
        var request = post("/webhooks/github").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-GitHub-Event", EVENT).header("X-GitHub-Delivery", deliveryId);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return mvc.perform(request);
    }

    /** Delivers the payload signed with the App's secret; returns the gate asked for. */
    UUID requestGate(ObjectNode payload) throws Exception {
        var body = json.writeValueAsBytes(payload);
        var answer = deliver(UUID.randomUUID().toString(), body, HmacSha256.sign(appSecret, body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("accepted"))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(answer).get("gateId").asString());
    }

    CloudEvent decide(UUID gateId, String decision, @Nullable String reason) {
        var data = new HashMap<String, Object>(Map.of("gateId", gateId.toString(),
                "deploymentId", UUID.randomUUID().toString(), "changeId", "6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b",
                "service", service.service(), "environment", "production", "decision", decision,
                "decidedAt", Instant.now().toString()));
        if (reason != null) {
            data.put("reason", reason);
        }
        if (decision.equals("HELD")) {
            data.put("proceedAt", Instant.now().plus(Duration.ofHours(2)).toString());
        }
        return events.publish("gate.decided.v1", gateId.toString(), data);
    }

    Map<String, Object> request(UUID gateId) {
        return jdbc.sql("select * from protection_request where gate_id = :id").param("id", gateId).query().singleRow();
    }

    int requestsOfRun() {
        return jdbc.sql("select count(*) from protection_request where run_id = :run").param("run", runId)
                .query(Integer.class).single();
    }

    int deliveriesRecorded(String deliveryId) {
        return jdbc.sql("select count(*) from github_delivery where delivery_id = :id").param("id", deliveryId)
                .query(Integer.class).single();
    }

    int gatesPublishedForTheRun() {
        return jdbc.sql("""
                select count(*) from outbox_event where type = 'gate.requested.v1'
                and payload -> 'data' ->> 'runUrl' like :run""")
                .param("run", "%/actions/runs/" + runId).query(Integer.class).single();
    }

    void awaitAnswered(UUID gateId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> request(gateId).get("state").equals("ANSWERED"));
    }

    @Test
    void a_signed_protection_rule_asks_for_a_gate_and_records_the_request() throws Exception {
        var gateId = requestGate(protectionRule());

        var event = EventContracts.assertConforms(events.await("gate.requested.v1",
                data -> data.get("gateId").asString().equals(gateId.toString())));
        JsonNode data = event.data();
        assertThat(event.subject()).isEqualTo(gateId.toString());
        assertThat(data.get("service").asString()).isEqualTo(service.service());
        assertThat(data.get("environment").asString()).as("the catalog's name of GitHub's 'Production'")
                .isEqualTo("production");
        assertThat(data.get("commitSha").asString()).isEqualTo("8a7d3b7f56830f91e5c0c02ab44d3215b29ad086");
        assertThat(data.get("runUrl").asString())
                .isEqualTo("https://github.com/" + service.repository() + "/actions/runs/" + runId);
        assertThat(data.get("actor").asString()).isEqualTo("klutchell");
        assertThat(data.get("source").asString()).isEqualTo("github-deployment-protection-rule");

        assertThat(request(gateId))
                .containsEntry("state", "AWAITING_DECISION")
                .containsEntry("service", service.service())
                .containsEntry("environment", "production")
                .containsEntry("environment_name", "Production")
                .containsEntry("repository", service.repository())
                .containsEntry("commit_sha", "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086")
                .containsEntry("run_id", runId)
                .containsEntry("installation_id", 57923423L)
                .containsEntry("callback_url", github.callbackUrl(service.repository(), runId));
        assertThat(github.reviews(runId)).as("nothing is said to GitHub before the decision").isEmpty();
    }

    @Test
    void an_allowed_gate_approves_the_run_once_as_the_app_installation() throws Exception {
        var gateId = requestGate(protectionRule());

        decide(gateId, "ALLOWED", "approved by alice and carol (policy production v2)");

        awaitAnswered(gateId);
        var reviews = github.reviews(runId);
        assertThat(reviews).singleElement().satisfies(review -> {
            assertThat(review.status()).isEqualTo(204);
            assertThat(review.repository()).isEqualTo(service.repository());
            assertThat(review.authorization()).startsWith("Bearer ghs_");
            assertThat(review.headers()).containsEntry("accept", FakeGitHub.ACCEPT)
                    .containsEntry("x-github-api-version", FakeGitHub.API_VERSION);
            assertThat(review.body().get("environment_name").asString()).isEqualTo("Production");
            assertThat(review.body().get("state").asString()).isEqualTo("approved");
            assertThat(review.body().get("comment").asString()).contains("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b",
                    "approved by alice and carol (policy production v2)");
        });
        assertThat(github.refusedTokens()).as("every App JWT verified").isEmpty();
        assertThat(request(gateId)).containsEntry("attempts", 1).containsEntry("review_state", "approved");
    }

    @Test
    void a_refused_gate_rejects_the_run_with_the_reason() throws Exception {
        var gateId = requestGate(protectionRule());

        decide(gateId, "REFUSED", "rejected by carol: the load test failed");

        awaitAnswered(gateId);
        assertThat(github.reviews(runId)).singleElement().satisfies(review -> {
            assertThat(review.body().get("state").asString()).isEqualTo("rejected");
            assertThat(review.body().get("environment_name").asString()).isEqualTo("Production");
            assertThat(review.body().get("comment").asString()).contains("rejected by carol: the load test failed");
        });
    }

    @Test
    void a_held_gate_says_nothing_to_github_until_it_is_decided_for_good() throws Exception {
        var gateId = requestGate(protectionRule());

        decide(gateId, "HELD", "held by freeze window 'Weekends' until Monday 07:00");
        decide(gateId, "HELD", "still held by freeze window 'Year end' until January 2"); // held anew

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> github.reviews(runId).isEmpty() && request(gateId).get("state").equals("AWAITING_DECISION"));

        decide(gateId, "ALLOWED", null);
        awaitAnswered(gateId);
        assertThat(github.reviews(runId)).singleElement()
                .satisfies(review -> assertThat(review.body().get("state").asString()).isEqualTo("approved"));
    }

    @Test
    void a_redelivered_decision_and_a_second_one_review_the_run_once() throws Exception {
        var gateId = requestGate(protectionRule());

        var allowed = decide(gateId, "ALLOWED", null);
        awaitAnswered(gateId);
        events.publish(allowed);                        // the same event again: a redelivery
        decide(gateId, "REFUSED", "too late");          // another decision for a gate decided already

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> github.reviews(runId).size() == 1);
        assertThat(request(gateId)).containsEntry("review_state", "approved").containsEntry("state", "ANSWERED");
    }

    @Test
    void github_failing_twice_is_retried_with_backoff_and_the_review_arrives_once() throws Exception {
        github.answerReviews(runId, 502, 503, 204);
        var gateId = requestGate(protectionRule());

        decide(gateId, "ALLOWED", null);

        awaitAnswered(gateId);
        var reviews = github.reviews(runId);
        assertThat(reviews).extracting(FakeGitHub.Received::status).containsExactly(502, 503, 204);
        assertThat(reviews).extracting(r -> r.body().get("state").asString()).containsOnly("approved");
        assertThat(Duration.ofNanos(reviews.get(1).at() - reviews.get(0).at())).as("the backoff after the 1st failure")
                .isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.ofNanos(reviews.get(2).at() - reviews.get(1).at())).as("doubled after the 2nd")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(request(gateId)).containsEntry("attempts", 3);
    }

    @Test
    void a_repository_outside_the_catalog_is_a_422_problem_and_nothing_is_written_or_published() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var payload = protectionRule();
        var unknown = "octo-org/not-catalogued-" + runId;
        ((ObjectNode) payload.get("repository")).put("full_name", unknown);
        payload.put("deployment_callback_url", github.callbackUrl(unknown, runId));
        var body = json.writeValueAsBytes(payload);

        deliver(deliveryId, body, HmacSha256.sign(appSecret, body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/rule-violated"))
                .andExpect(jsonPath("$.detail").value("repository " + unknown
                        + " is not in Passerelle's catalog: register its service first"));

        assertThat(deliveriesRecorded(deliveryId)).isZero();
        assertThat(requestsOfRun()).isZero();
        assertThat(gatesPublishedForTheRun()).isZero();
    }

    @Test
    void an_environment_the_service_does_not_have_is_a_422_problem_naming_it() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(protectionRule().put("environment", "qa"));

        deliver(deliveryId, body, HmacSha256.sign(appSecret, body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("environment 'qa' is not an environment of service "
                        + service.service() + " (its environments: staging, production)"));

        assertThat(deliveriesRecorded(deliveryId)).isZero();
        assertThat(requestsOfRun()).isZero();
        assertThat(gatesPublishedForTheRun()).isZero();
    }

    @Test
    void a_delivery_not_signed_with_the_app_secret_is_a_401_even_with_the_repository_secret() throws Exception {
        var body = json.writeValueAsBytes(protectionRule());

        for (var signature : new String[] { HmacSha256.sign("not-the-secret", body),
                HmacSha256.sign(service.secret(), body), null }) {
            var deliveryId = UUID.randomUUID().toString();
            deliver(deliveryId, body, signature)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unauthenticated"));
            assertThat(deliveriesRecorded(deliveryId)).isZero();
        }
        assertThat(requestsOfRun()).isZero();
    }

    @Test
    void a_callback_url_on_another_host_is_a_400_and_nothing_is_written() throws Exception {
        for (var callback : new String[] {
                "https://evil.example/repos/" + service.repository() + "/actions/runs/" + runId
                        + "/deployment_protection_rule",
                github.url().replace("127.0.0.1", "localhost") + "/repos/" + service.repository() + "/actions/runs/"
                        + runId + "/deployment_protection_rule",
                github.url() + "/repos/octo-org/another-repo/actions/runs/" + runId + "/deployment_protection_rule",
                github.url() + "/app/installations/57923423/access_tokens" }) {
            var deliveryId = UUID.randomUUID().toString();
            var body = json.writeValueAsBytes(protectionRule().put("deployment_callback_url", callback));

            deliver(deliveryId, body, HmacSha256.sign(appSecret, body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                            "deployment_callback_url " + callback)));
            assertThat(deliveriesRecorded(deliveryId)).isZero();
        }
        assertThat(requestsOfRun()).isZero();
        assertThat(gatesPublishedForTheRun()).isZero();
    }

    @Test
    void a_redelivery_of_the_same_delivery_changes_nothing() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(protectionRule());

        deliver(deliveryId, body, HmacSha256.sign(appSecret, body)).andExpect(status().isAccepted());
        deliver(deliveryId, body, HmacSha256.sign(appSecret, body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/replayed-delivery"));

        assertThat(requestsOfRun()).isEqualTo(1);
        assertThat(gatesPublishedForTheRun()).isEqualTo(1);
    }
}
