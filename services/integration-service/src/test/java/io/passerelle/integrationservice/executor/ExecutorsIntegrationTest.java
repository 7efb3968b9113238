package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.integrationservice.executor.adapter.argocd.ArgoCdDouble;
import io.passerelle.integrationservice.executor.adapter.awx.AwxDouble;
import io.passerelle.integrationservice.executor.adapter.jenkins.JenkinsDouble;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each executor end to end inside integration-service (issue 8): deployment.requested.v1 in, carrying the target
 * with its settings and its credential sealed → the vendor's double (checking every request against the vendor's
 * published API description) called → the outcome, watched or pushed → one deployment.outcome-reported.v1 out,
 * with the executor's type, and the dispatch settled.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc // the other integration tests' context: one context at a time on the test queues
class ExecutorsIntegrationTest {

    static final SecretSealer SEALER = new SecretSealer(TestEvents.SECRETS_KEY);
    static final String SHA = "a10867b14bb761a232cd80139fbd4c0d33264240";

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        service = TestCatalog.register(events, jdbc, "main");
    }

    void request(UUID deploymentId, Map<String, Object> target) {
        EventContracts.assertConforms(events.publish("deployment.requested.v1", deploymentId.toString(), Map.of(
                "deploymentId", deploymentId.toString(),
                "changeId", UUID.randomUUID().toString(),
                "service", service.service(),
                "environment", "prod",
                "version", "1.4.2",
                "commitSha", SHA,
                "target", target,
                "requestedAt", Instant.now().toString(),
                "deadline", Instant.now().plusSeconds(1800).toString())));
    }

    static Map<String, Object> target(String type, String url, Map<String, String> settings, String credential) {
        return Map.of("type", type, "url", url, "settings", settings, "credentialSealed", SEALER.seal(credential));
    }

    /** The one outcome event of the deployment, checked against its schema. */
    JsonNode awaitOutcome(UUID deploymentId) {
        return EventContracts.assertConforms(events.await("deployment.outcome-reported.v1",
                d -> d.get("deploymentId").asString().equals(deploymentId.toString()))).data();
    }

    /** Once settled, nothing more happens: still one outcome a few looks later. */
    void assertSettledOnce(UUID deploymentId, String outcome) {
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :id"
                + " and type = 'deployment.outcome-reported.v1'").param("id", deploymentId.toString())
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select state || ' ' || outcome from deployment_dispatch where deployment_id = :id")
                .param("id", deploymentId).query(String.class).single()).isEqualTo("SETTLED " + outcome);
    }

    @Test
    void argocd_syncs_the_application_at_the_commit_and_watches_it_until_healthy() {
        var deploymentId = UUID.randomUUID();
        try (var argo = new ArgoCdDouble().then("Running", "Progressing").then("Succeeded", "Progressing")
                .then("Succeeded", "Healthy")) {
            request(deploymentId, target("argocd", "http://127.0.0.1:" + argo.port(),
                    Map.of("application", "payments", "project", "shop"), ArgoCdDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("SUCCEEDED");
            assertThat(outcome.get("executor").asString()).isEqualTo("argocd");
            assertThat(outcome.get("source").asString()).isEqualTo("watch");
            var sync = argo.sync.get();
            assertThat(sync.path("revision").asString()).isEqualTo(SHA);
            assertThat(sync.path("project").asString()).isEqualTo("shop");
            assertThat(sync.path("infos").toString()).contains(deploymentId.toString());
            assertThat(argo.api.received().getFirst().header("Authorization"))
                    .isEqualTo("Bearer " + ArgoCdDouble.TOKEN);
            assertThat(argo.api.received()).as("the sync, then looks until healthy").hasSizeGreaterThanOrEqualTo(3);
            assertSettledOnce(deploymentId, "SUCCEEDED");
            assertThat(argo.api.violations()).isEmpty();
        }
    }

    @Test
    void argocd_health_degraded_after_the_sync_fails_the_deployment_with_argos_message() {
        var deploymentId = UUID.randomUUID();
        try (var argo = new ArgoCdDouble().then("Running", "Progressing").then("Succeeded", "Degraded")) {
            request(deploymentId, target("argocd", "http://127.0.0.1:" + argo.port(),
                    Map.of("application", "payments"), ArgoCdDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(outcome.get("executor").asString()).isEqualTo("argocd");
            assertThat(outcome.get("reason").asString()).isEqualTo("synced, but health Degraded: Deployment"
                    + " \"payments\" exceeded its progress deadline");
            assertSettledOnce(deploymentId, "FAILED");
            assertThat(argo.api.violations()).isEmpty();
        }
    }

    @Test
    void argocd_refusing_the_token_fails_the_deployment_at_once_saying_why() {
        var deploymentId = UUID.randomUUID();
        try (var argo = new ArgoCdDouble().then("Running", "Progressing")) {
            request(deploymentId, target("argocd", "http://127.0.0.1:" + argo.port(),
                    Map.of("application", "payments"), "stolen-token"));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(outcome.get("source").asString()).isEqualTo("dispatch");
            assertThat(outcome.get("reason").asString()).startsWith("deploy target refused the token (HTTP 401:");
            assertThat(outcome.toString()).doesNotContain("stolen-token");
        }
    }

    @Test
    void jenkins_queues_the_job_with_a_crumb_and_follows_the_queue_item_to_its_successful_build() {
        var deploymentId = UUID.randomUUID();
        try (var jenkins = new JenkinsDouble("127.0.0.1")) {
            request(deploymentId, target("jenkins", jenkins.base(), Map.of("job", "deploy/payments", "user",
                    "passerelle"), JenkinsDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("SUCCEEDED");
            assertThat(outcome.get("executor").asString()).isEqualTo("jenkins");
            assertThat(outcome.get("source").asString()).isEqualTo("watch");
            var trigger = jenkins.api.received().get(1);
            assertThat(trigger.fields().path("PASSERELLE_DEPLOYMENT_ID").asString())
                    .isEqualTo(deploymentId.toString());
            assertThat(trigger.fields().path("PASSERELLE_COMMIT_SHA").asString()).isEqualTo(SHA);
            assertThat(jenkins.api.received()).extracting(VendorApiDouble.Request::path)
                    .contains("/queue/item/311/api/json", "/job/deploy/job/payments/12/api/json");
            assertSettledOnce(deploymentId, "SUCCEEDED");
            assertThat(jenkins.api.violations()).isEmpty();
        }
    }

    @Test
    void jenkins_a_failed_build_fails_the_deployment_naming_the_build() {
        var deploymentId = UUID.randomUUID();
        try (var jenkins = new JenkinsDouble("127.0.0.1")) {
            jenkins.result = "FAILURE";
            request(deploymentId, target("jenkins", jenkins.base(), Map.of("job", "deploy/payments", "user",
                    "passerelle"), JenkinsDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(outcome.get("reason").asString()).isEqualTo("build #12 ended FAILURE: " + jenkins.base()
                    + "/job/deploy/job/payments/12/console");
            assertSettledOnce(deploymentId, "FAILED");
            assertThat(jenkins.api.violations()).isEmpty();
        }
    }

    @Test
    void awx_launches_the_template_with_extra_vars_and_follows_the_job_to_successful() {
        var deploymentId = UUID.randomUUID();
        try (var awx = new AwxDouble().then("pending", "").then("running", "").then("successful", "")) {
            request(deploymentId, target("awx", "http://127.0.0.1:" + awx.port() + "/api",
                    Map.of("jobTemplateId", Long.toString(AwxDouble.PROMPTS)), AwxDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("SUCCEEDED");
            assertThat(outcome.get("executor").asString()).isEqualTo("awx");
            var launch = awx.api.received().stream().filter(r -> r.method().equals("POST")).findFirst()
                    .orElseThrow();
            assertThat(launch.fields().path("extra_vars").path("passerelle_deployment_id").asString())
                    .isEqualTo(deploymentId.toString());
            assertSettledOnce(deploymentId, "SUCCEEDED");
            assertThat(awx.api.violations()).isEmpty();
        }
    }

    @Test
    void awx_a_failed_job_fails_the_deployment_with_its_explanation() {
        var deploymentId = UUID.randomUUID();
        try (var awx = new AwxDouble().then("running", "").then("failed", "Task failed: restart payments")) {
            request(deploymentId, target("awx", "http://127.0.0.1:" + awx.port() + "/api",
                    Map.of("jobTemplateId", Long.toString(AwxDouble.PROMPTS)), AwxDouble.TOKEN));

            var outcome = awaitOutcome(deploymentId);

            assertThat(outcome.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(outcome.get("reason").asString()).isEqualTo("job 4711 failed: Task failed: restart payments");
            assertSettledOnce(deploymentId, "FAILED");
            assertThat(awx.api.violations()).isEmpty();
        }
    }
}
