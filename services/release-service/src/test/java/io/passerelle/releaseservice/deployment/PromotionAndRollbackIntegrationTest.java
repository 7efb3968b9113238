package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * staging (automatic) → canary (soak 1s) → production (manual), and rollbacks, through RabbitMQ and HTTP only: a
 * release soaks then moves on, an incident stops it, a release manager promotes, and a deployment is rolled back to
 * the release before it.
 */
@ReleaseServiceIntegrationTest
class PromotionAndRollbackIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    String service;

    @BeforeEach
    void registerService() throws Exception {
        service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret",
                         "environments":[
                           {"name":"staging","order":10,"requiresApproval":false,
                            "deployTarget":{"type":"webhook","url":"https://deploy.example/staging"}},
                           {"name":"canary","order":20,"requiresApproval":false,
                            "deployTarget":{"type":"webhook","url":"https://deploy.example/canary"},
                            "promotion":{"mode":"soak","soak":"PT1S"}},
                           {"name":"production","order":30,"requiresApproval":true,
                            "deployTarget":{"type":"webhook","url":"https://deploy.example/production"},
                            "promotion":{"mode":"manual"}}]}""".formatted(service, service)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.environments[1].promotion.mode").value("soak"))
                .andExpect(jsonPath("$.environments[1].promotion.soak").value("PT1S"))
                .andExpect(jsonPath("$.environments[2].promotion.mode").value("manual"))
                .andExpect(jsonPath("$.environments[0].promotion.mode").value("automatic"));
    }

    /** A green pipeline on a new commit, planned into staging: its deployment.planned.v1. */
    ObjectNode plannedInStaging() {
        var sha = DeploymentIntegrationTest.commitSha();
        EventContracts.assertConforms(events.publish("pipeline.succeeded.v1", sha, Map.of("service", service,
                "repository", "acme/" + service, "branch", "main", "commitSha", sha,
                "runId", UUID.randomUUID().toString(), "provider", "github", "deliveryId", UUID.randomUUID().toString(),
                "finishedAt", Instant.now().toString())));
        return (ObjectNode) planned("staging", "commitSha", sha).data();
    }

    CloudEvent planned(String environment, String field, String value) {
        return EventContracts.assertConforms(events.await("deployment.planned.v1", d -> d.get("environment")
                .asString().equals(environment) && d.get(field).asString().equals(value)));
    }

    /** Authorizes the deployment's change and reports {@code state} with its callback credential. */
    void finish(String deploymentId, String environment, String state) throws Exception {
        var changeId = UUID.randomUUID().toString();
        events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId, "type", "STANDARD",
                "service", service, "environment", environment, "deploymentId", deploymentId,
                "authorizedBy", "change-service", "authorizedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> !"PLANNED".equals(state(deploymentId)));
        awaitProcessed(EventContracts.assertConforms(events.publish("deployment.outcome-reported.v1", deploymentId,
                Map.of("deploymentId", deploymentId, "service", service, "environment", environment,
                        "executor", "webhook", "outcome", state, "source", "callback",
                        "deliveryId", UUID.randomUUID().toString(), "reportedAt", Instant.now().toString()))));
        await().atMost(Duration.ofSeconds(15)).until(() -> state.equals(state(deploymentId)));
    }

    String state(String deploymentId) {
        return jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", deploymentId)
                .query(String.class).single();
    }

    int deploymentsIn(String releaseId, String environment) {
        return jdbc.sql("select count(*) from deployment where release_id = cast(:r as uuid) and environment = :e")
                .param("r", releaseId).param("e", environment).query(Integer.class).single();
    }

    int deploymentsOfService() {
        return jdbc.sql("select count(*) from deployment where service = :s").param("s", service)
                .query(Integer.class).single();
    }

    String promotionState(String releaseId, String environment) {
        return jdbc.sql("select state || coalesce(': ' || reason, '') || coalesce(' by ' || decided_by, '')"
                        + " from promotion where release_id = cast(:r as uuid) and environment = :e")
                .param("r", releaseId).param("e", environment).query(String.class).optional().orElse("none");
    }

    ResultActions promote(String releaseId, String body, String user, String role) throws Exception {
        return mvc.perform(post("/api/v1/releases/{id}/promote", releaseId).with(TestJwts.user(user, role))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions rollBack(String deploymentId, String body, String role) throws Exception {
        return mvc.perform(post("/api/v1/deployments/{id}/rollback", deploymentId)
                .with(TestJwts.user("rhea", role)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A release that succeeded in staging and has soaked into canary, planned there: its release id. */
    String soakedIntoCanary() throws Exception {
        var staging = plannedInStaging();
        var releaseId = staging.get("releaseId").asString();
        finish(staging.get("deploymentId").asString(), "staging", "SUCCEEDED");
        assertThat(deploymentsIn(releaseId, "canary")).as("canary soaks: nothing planned yet").isZero();
        planned("canary", "releaseId", releaseId);
        assertThat(promotionState(releaseId, "canary")).isEqualTo("DONE by passerelle (soaked without incident)");
        return releaseId;
    }

    @Test
    void a_release_soaks_in_staging_then_reaches_canary_and_waits_for_a_release_manager_before_production()
            throws Exception {
        var releaseId = soakedIntoCanary();
        var canary = planned("canary", "releaseId", releaseId).data().get("deploymentId").asString();

        promote(releaseId, "{\"environment\":\"production\"}", "rhea", "release-manager")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("out of order")));

        finish(canary, "canary", "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> promotionState(releaseId, "production").equals("WAITING"));
        assertThat(deploymentsIn(releaseId, "production")).isZero();

        var before = deploymentsOfService();
        promote(releaseId, "{\"environment\":\"production\"}", "carl", "change-manager")
                .andExpect(status().isForbidden());
        promote(releaseId, "{\"environment\":\"Production!\"}", "rhea", "release-manager")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        promote(releaseId, "{}", "rhea", "release-manager").andExpect(status().isBadRequest());
        promote(releaseId, "{\"environment\":\"qa\"}", "rhea", "release-manager")
                .andExpect(status().isUnprocessableContent());
        promote(releaseId, "{\"environment\":\"staging\"}", "rhea", "release-manager")
                .andExpect(status().isConflict());
        promote(UUID.randomUUID().toString(), "{\"environment\":\"production\"}", "rhea", "release-manager")
                .andExpect(status().isNotFound());
        assertThat(deploymentsOfService()).isEqualTo(before);
        assertThat(promotionState(releaseId, "production")).isEqualTo("WAITING");

        var production = promote(releaseId, "{\"environment\":\"production\"}", "rhea", "release-manager")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/deployments/")))
                .andExpect(jsonPath("$.environment").value("production"))
                .andExpect(jsonPath("$.kind").value("DEPLOY"))
                .andExpect(jsonPath("$.state").value("PLANNED"));
        planned("production", "releaseId", releaseId);
        assertThat(promotionState(releaseId, "production")).isEqualTo("DONE by rhea");
        promote(releaseId, "{\"environment\":\"production\"}", "rhea", "release-manager")
                .andExpect(status().isConflict());
    }

    @Test
    void an_incident_on_staging_stops_the_soak_and_a_release_manager_may_still_promote() throws Exception {
        var staging = plannedInStaging();
        var releaseId = staging.get("releaseId").asString();
        // a long soak would be promoted by nothing but a person here: the incident arrives within the 1s soak
        finish(staging.get("deploymentId").asString(), "staging", "SUCCEEDED");
        var incident = (ObjectNode) EventContracts.recorded("incident.opened.v1");
        var incidentId = UUID.randomUUID().toString();
        incident.put("incidentId", incidentId).put("service", service).put("environment", "staging")
                .put("openedAt", Instant.now().toString());
        awaitProcessed(EventContracts.assertConforms(events.publish("incident.opened.v1", incidentId, incident)));

        await().atMost(Duration.ofSeconds(10)).until(() -> promotionState(releaseId, "canary").startsWith("STOPPED"));
        assertThat(promotionState(releaseId, "canary")).contains(incidentId, incident.get("title").asString());
        Thread.sleep(1500);
        assertThat(deploymentsIn(releaseId, "canary")).as("a stopped soak plans nothing when its time is up").isZero();

        promote(releaseId, "{\"environment\":\"canary\"}", "rhea", "release-manager").andExpect(status().isCreated());
        assertThat(promotionState(releaseId, "canary")).isEqualTo("DONE by rhea");
    }

    @Test
    void an_unattributed_incident_stops_no_soak_and_is_not_recorded() throws Exception {
        var staging = plannedInStaging();
        var releaseId = staging.get("releaseId").asString();
        var incident = (ObjectNode) EventContracts.recorded("incident.opened.v1");
        var incidentId = UUID.randomUUID().toString();
        // an alert that named no Passerelle service and environment (issue 9): no service, no environment
        incident.put("incidentId", incidentId).put("attributed", false).put("openedAt", Instant.now().toString())
                .putArray("suspects");
        incident.remove("service");
        incident.remove("environment");

        finish(staging.get("deploymentId").asString(), "staging", "SUCCEEDED");
        awaitProcessed(events.publish("incident.opened.v1", incidentId, incident));

        assertThat(jdbc.sql("select count(*) from incident_opened where incident_id = cast(:id as uuid)")
                .param("id", incidentId).query(Integer.class).single()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> promotionState(releaseId, "canary").startsWith("DONE"));
        assertThat(promotionState(releaseId, "canary")).isEqualTo("DONE by passerelle (soaked without incident)");
    }

    void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    @Test
    void a_failed_deployment_is_rolled_back_to_the_release_before_under_its_own_change() throws Exception {
        var first = plannedInStaging();
        finish(first.get("deploymentId").asString(), "staging", "SUCCEEDED");
        var second = plannedInStaging();
        var failed = second.get("deploymentId").asString();
        finish(failed, "staging", "FAILED");

        var before = deploymentsOfService();
        rollBack(failed, "{\"reason\":\"error rate 30%\"}", "change-manager").andExpect(status().isForbidden());
        rollBack(failed, "{}", "release-manager").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        rollBack(failed, "{\"reason\":\"\"}", "release-manager").andExpect(status().isBadRequest());
        rollBack(failed, "{\"reason\":\"x\",\"emergency\":\"maybe\"}", "release-manager")
                .andExpect(status().isBadRequest());
        rollBack(UUID.randomUUID().toString(), "{\"reason\":\"x\"}", "release-manager")
                .andExpect(status().isNotFound());
        rollBack(first.get("deploymentId").asString(), "{\"reason\":\"x\"}", "release-manager")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing to roll back to")));
        assertThat(deploymentsOfService()).isEqualTo(before);

        var rollback = rollBack(failed, "{\"reason\":\"error rate 30%\",\"emergency\":true}", "release-manager")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ROLLBACK"))
                .andExpect(jsonPath("$.rollbackOf").value(failed))
                .andExpect(jsonPath("$.commitSha").value(first.get("commitSha").asString()))
                .andReturn().getResponse().getContentAsString();
        var rollbackId = com.jayway.jsonpath.JsonPath.<String>read(rollback, "$.id");
        var plan = planned("staging", "deploymentId", rollbackId).data();
        assertThat(plan.get("rollback").get("of").asString()).isEqualTo(failed);
        assertThat(plan.get("rollback").get("emergency").asBoolean()).isTrue();
        assertThat(plan.get("requestedBy").asString()).isEqualTo("rhea");
        rollBack(failed, "{\"reason\":\"again\"}", "release-manager").andExpect(status().isConflict());

        finish(rollbackId, "staging", "SUCCEEDED");

        var rolledBack = EventContracts.assertConforms(events.await("deployment.rolled-back.v1",
                d -> d.get("deploymentId").asString().equals(rollbackId))).data();
        assertThat(rolledBack.get("rolledBackDeploymentId").asString()).isEqualTo(failed);
        assertThat(rolledBack.get("restoredVersion").asString()).isEqualTo(first.get("version").asString());
        // that a rollback's success promotes nothing is RollbackTest's (an automatic next environment shows it; here
        // the next environment soaks, and the restored release's own soak row would hide a second one)
        assertThat(rolledBack.get("restoredReleaseId").asString()).isEqualTo(first.get("releaseId").asString());
        mvc.perform(get("/api/v1/deployments/{id}", rollbackId).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.kind").value("ROLLBACK"));
    }
}
