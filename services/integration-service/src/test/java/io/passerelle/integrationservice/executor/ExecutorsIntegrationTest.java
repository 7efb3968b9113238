package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.integrationservice.executor.adapter.argocd.ArgoCdDouble;
import io.passerelle.integrationservice.executor.adapter.awx.AwxDouble;
import io.passerelle.integrationservice.executor.adapter.githubdeployments.GithubDeploymentsDouble;
import io.passerelle.integrationservice.executor.adapter.jenkins.JenkinsDouble;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.RepositoryFiles;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    // Vendors that push: Argo CD's notification service, GitHub's deployment_status

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    /** The sync was started (the reference kept), and the deployment has no outcome yet. */
    void awaitStarted(UUID deploymentId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from deployment_dispatch"
                + " where deployment_id = :id and state = 'DISPATCHED' and external_ref is not null")
                .param("id", deploymentId).query(Integer.class).single() == 1);
    }

    int outcomes(UUID deploymentId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :id"
                + " and type = 'deployment.outcome-reported.v1'").param("id", deploymentId.toString())
                .query(Integer.class).single();
    }

    /** What Passerelle's notification template renders: the application's name, operationState and health. */
    String notification(ArgoCdDouble argo, String phase, String health) {
        var app = json.readTree(argo.application(new String[] { phase, health }));
        var body = json.createObjectNode().put("application", "payments");
        body.set("operationState", app.path("status").path("operationState"));
        body.set("health", app.path("status").path("health"));
        return body.toString();
    }

    ResultActions notify(String body, @Nullable String serviceName, @Nullable String token) throws Exception {
        var request = post("/api/v1/executors/argocd/notifications").contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (serviceName != null) {
            request.header("X-Passerelle-Service", serviceName);
        }
        if (token != null) {
            request.header("X-Passerelle-Token", token);
        }
        return mvc.perform(request);
    }

    String token(TestCatalog.Registered registered) {
        return NotificationTokens.issue(registered.secret(), "argocd", registered.service());
    }

    /** An Argo CD deployment whose application stays syncing: only a notification can end it. */
    UUID argocdDeploymentStillSyncing(ArgoCdDouble argo) {
        var deploymentId = UUID.randomUUID();
        argo.then("Running", "Progressing");
        request(deploymentId, target("argocd", "http://127.0.0.1:" + argo.port(), Map.of("application", "payments"),
                ArgoCdDouble.TOKEN));
        awaitStarted(deploymentId);
        return deploymentId;
    }

    @Test
    void argocd_notification_with_the_services_token_reports_the_outcome_once_and_a_repeat_is_a_late_duplicate()
            throws Exception {
        try (var argo = new ArgoCdDouble()) {
            var deploymentId = argocdDeploymentStillSyncing(argo);
            var healthy = notification(argo, "Succeeded", "Healthy");

            notify(healthy, service.service(), token(service)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("recorded"))
                    .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                    .andExpect(jsonPath("$.deploymentId").value(deploymentId.toString()));
            var outcome = awaitOutcome(deploymentId);
            assertThat(outcome.get("executor").asString()).isEqualTo("argocd");
            assertThat(outcome.get("source").asString()).isEqualTo("notification");
            assertThat(outcome.get("outcome").asString()).isEqualTo("SUCCEEDED");

            notify(healthy, service.service(), token(service)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("already-recorded"));
            notify(notification(argo, "Succeeded", "Degraded"), service.service(), token(service))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"));
            assertSettledOnce(deploymentId, "SUCCEEDED");
        }
    }

    @Test
    void argocd_notification_still_syncing_is_ignored_and_a_failed_sync_fails_the_deployment() throws Exception {
        try (var argo = new ArgoCdDouble()) {
            var deploymentId = argocdDeploymentStillSyncing(argo);

            notify(notification(argo, "Running", "Progressing"), service.service(), token(service))
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.result").value("ignored"))
                    .andExpect(jsonPath("$.reason").value("not an outcome yet: sync Running: waiting for healthy"
                            + " state of apps/Deployment/payments"));
            assertThat(outcomes(deploymentId)).isZero();
            notify(notification(argo, "Failed", "Missing"), service.service(), token(service))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("FAILED"));

            assertThat(awaitOutcome(deploymentId).get("reason").asString())
                    .isEqualTo("sync failed: one or more objects failed to apply");
        }
    }

    @Test
    void argocd_notifications_unauthenticated_of_another_service_unknown_or_unreadable_are_refused_and_write_nothing()
            throws Exception {
        try (var argo = new ArgoCdDouble()) {
            var deploymentId = argocdDeploymentStillSyncing(argo);
            var healthy = notification(argo, "Succeeded", "Healthy");
            var other = TestCatalog.register(events, jdbc, "main");

            notify(healthy, null, null).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/callback-signature"));
            notify(healthy, service.service(), token(other)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/callback-signature"));
            notify(healthy, "no-such-service", token(service)).andExpect(status().isForbidden());
            notify(healthy, other.service(), token(other)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value("deployment " + deploymentId + " is not one of service '"
                            + other.service() + "': a notification authenticated for one service does not report"
                            + " another's"));
            notify(healthy.replace(deploymentId.toString(), UUID.randomUUID().toString()), service.service(),
                    token(service)).andExpect(status().isNotFound());
            notify("{\"app\": 1}", service.service(), token(service)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            notify(healthy.replace("passerelle-deployment", "someone-else"), service.service(), token(service))
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.result").value("ignored"));

            assertThat(outcomes(deploymentId)).isZero();
            assertThat(jdbc.sql("select state from deployment_dispatch where deployment_id = :id")
                    .param("id", deploymentId).query(String.class).single()).isEqualTo("DISPATCHED");
        }
    }

    /** GitHub's recorded deployment_status event (shared vectors), of the deployment the double created. */
    byte[] deploymentStatus(UUID deploymentId, String state, String description) throws Exception {
        var vectors = RepositoryFiles.vectors();
        Assumptions.assumeTrue(vectors.isPresent(), RepositoryFiles.NO_VECTORS);
        var event = (ObjectNode) json.readTree(java.nio.file.Files.readAllBytes(vectors.get()
                .resolve("github/deployment_status__payload.json")));
        ((ObjectNode) event.get("deployment_status")).put("state", state).put("description", description);
        ((ObjectNode) event.get("deployment")).put("id", GithubDeploymentsDouble.DEPLOYMENT_ID)
                .set("payload", json.valueToTree(Map.of("passerelle", Map.of("deploymentId", deploymentId.toString()))));
        ((ObjectNode) event.get("repository")).put("full_name", service.repository());
        return json.writeValueAsBytes(event);
    }

    ResultActions deliver(String deliveryId, byte[] body) throws Exception {
        return mvc.perform(post("/webhooks/github").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-GitHub-Event", "deployment_status").header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", HmacSha256.sign(service.secret(), body)));
    }

    UUID githubDeployment(GithubDeploymentsDouble github) {
        var deploymentId = UUID.randomUUID();
        request(deploymentId, target("github", "http://127.0.0.1:" + github.port(),
                Map.of("repository", "acme/payments", "environment", "production"), GithubDeploymentsDouble.TOKEN));
        awaitStarted(deploymentId);
        return deploymentId;
    }

    @Test
    void github_creates_a_deployment_of_the_commit_and_takes_its_outcome_from_the_signed_deployment_status()
            throws Exception {
        try (var github = new GithubDeploymentsDouble(SHA)) {
            var deploymentId = githubDeployment(github);
            var created = github.api.received().getFirst().fields();
            assertThat(created.path("ref").asString()).isEqualTo(SHA);
            assertThat(created.path("environment").asString()).isEqualTo("production");
            assertThat(created.path("payload").path("passerelle").path("deploymentId").asString())
                    .isEqualTo(deploymentId.toString());

            deliver(UUID.randomUUID().toString(), deploymentStatus(deploymentId, "in_progress", ""))
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("ignored"));
            var delivery = UUID.randomUUID().toString();
            var success = deploymentStatus(deploymentId, "success", "");
            deliver(delivery, success).andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.outcome").value("accepted"))
                    .andExpect(jsonPath("$.reason").value("outcome SUCCEEDED recorded"));

            var outcome = awaitOutcome(deploymentId);
            assertThat(outcome.get("executor").asString()).isEqualTo("github");
            assertThat(outcome.get("source").asString()).isEqualTo("notification");
            assertThat(outcome.get("deliveryId").asString()).isEqualTo(delivery);
            deliver(delivery, success).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/replayed-delivery"));
            deliver(UUID.randomUUID().toString(), deploymentStatus(deploymentId, "failure", "late"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"));
            assertSettledOnce(deploymentId, "SUCCEEDED");
            assertThat(github.api.violations()).isEmpty();
        }
    }

    @Test
    void github_a_failure_status_fails_the_deployment_with_its_description_and_an_unknown_one_is_not_found()
            throws Exception {
        try (var github = new GithubDeploymentsDouble(SHA)) {
            var deploymentId = githubDeployment(github);

            deliver(UUID.randomUUID().toString(), deploymentStatus(UUID.randomUUID(), "success", ""))
                    .andExpect(status().isNotFound());
            deliver(UUID.randomUUID().toString(), deploymentStatus(deploymentId, "failure", "smoke tests failed"))
                    .andExpect(status().isAccepted());

            var outcome = awaitOutcome(deploymentId);
            assertThat(outcome.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(outcome.get("reason").asString()).startsWith("the deployment failed: smoke tests failed");
            assertSettledOnce(deploymentId, "FAILED");
        }
    }
}
