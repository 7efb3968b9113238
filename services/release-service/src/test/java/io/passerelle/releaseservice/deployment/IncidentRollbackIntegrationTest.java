package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.Catalogued;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rollbacks incidents ask for, through RabbitMQ and HTTP only (ADR 0020): a confirmed cause (incident.cause-confirmed.v1)
 * and a P1 under the environment's policy (incident.opened.v1) plan an emergency rollback naming the incident, automatic
 * where the environment says so, once; when none is possible, deployment.rollback-declined.v1 says why.
 */
@ReleaseServiceIntegrationTest
class IncidentRollbackIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    /** A service whose staging has the given incident rollback policy (JSON), or none. */
    String register(String incidentRollback) throws Exception {
        return Catalogued.register(mvc, "svc", """
                {"name":"staging","order":10,"requiresApproval":false,
                 "deployTarget":{"type":"webhook","url":"https://deploy.example/staging"}%s}"""
                .formatted(incidentRollback == null ? "" : ",\"incidentRollback\":" + incidentRollback));
    }

    /** A green pipeline on a new commit of {@code service}, deployed to staging with {@code outcome}: its plan. */
    JsonNode deployed(String service, String outcome) throws Exception {
        var sha = DeploymentIntegrationTest.commitSha();
        events.publish("pipeline.succeeded.v1", sha, Map.of("service", service, "repository", "acme/" + service,
                "branch", "main", "commitSha", sha, "runId", UUID.randomUUID().toString(), "provider", "github",
                "deliveryId", UUID.randomUUID().toString(), "finishedAt", Instant.now().toString()));
        var plan = events.await("deployment.planned.v1", d -> d.get("commitSha").asString().equals(sha)).data();
        var id = plan.get("deploymentId").asString();
        var changeId = UUID.randomUUID().toString();
        events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId, "type", "STANDARD",
                "service", service, "environment", "staging", "deploymentId", id, "authorizedBy", "change-service",
                "authorizedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> !"PLANNED".equals(state(id)));
        events.publish("deployment.outcome-reported.v1", id, Map.of("deploymentId", id, "service", service,
                "environment", "staging", "executor", "webhook", "outcome", outcome, "source", "callback",
                "deliveryId", UUID.randomUUID().toString(), "reportedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> outcome.equals(state(id)));
        return plan;
    }

    String state(String deploymentId) {
        return jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", deploymentId)
                .query(String.class).single();
    }

    int deploymentsOf(String service) {
        return jdbc.sql("select count(*) from deployment where service = :s").param("s", service)
                .query(Integer.class).single();
    }

    CloudEvent causeConfirmed(UUID incidentId, JsonNode deployment, String service) {
        var data = (ObjectNode) EventContracts.recorded("incident.cause-confirmed.v1");
        data.put("incidentId", incidentId.toString()).put("deploymentId", deployment.get("deploymentId").asString())
                .put("service", service).put("environment", "staging")
                .put("version", deployment.get("version").asString())
                .put("commitSha", deployment.get("commitSha").asString()).put("confirmedBy", "otto");
        return events.publish("incident.cause-confirmed.v1", incidentId.toString(), data);
    }

    CloudEvent opened(UUID incidentId, String service, String priority) {
        var data = (ObjectNode) EventContracts.recorded("incident.opened.v1");
        data.put("incidentId", incidentId.toString()).put("service", service).put("environment", "staging")
                .put("priority", priority).put("startedAt", Instant.now().toString())
                .put("openedAt", Instant.now().toString());
        return events.publish("incident.opened.v1", incidentId.toString(), data);
    }

    void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    JsonNode rollbackPlannedFor(UUID incidentId) {
        return EventContracts.assertConforms(events.await("deployment.planned.v1", d -> d.has("rollback")
                && incidentId.toString().equals(d.get("rollback").path("incidentId").asString()))).data();
    }

    @Test
    void a_confirmed_cause_is_rolled_back_as_an_emergency_naming_the_incident_once() throws Exception {
        var service = register(null);
        var first = deployed(service, "SUCCEEDED");
        var cause = deployed(service, "SUCCEEDED");
        var incidentId = UUID.randomUUID();

        var confirmed = causeConfirmed(incidentId, cause, service);

        var plan = rollbackPlannedFor(incidentId);
        assertThat(jdbc.sql("select count(*) from incident_cause where incident_id = :i and deployment_id = :d")
                .param("i", incidentId).param("d", UUID.fromString(cause.get("deploymentId").asString()))
                .query(Integer.class).single()).as("the same handler keeps the cause for the DORA figures").isOne();
        assertThat(plan.get("commitSha").asString()).isEqualTo(first.get("commitSha").asString());
        assertThat(plan.get("requestedBy").asString()).isEqualTo("incident " + incidentId + " (confirmed by otto)");
        assertThat(plan.get("rollback").get("of").asString()).isEqualTo(cause.get("deploymentId").asString());
        assertThat(plan.get("rollback").get("emergency").asBoolean()).isTrue();
        assertThat(plan.get("rollback").get("automatic").asBoolean()).isFalse();
        assertThat(plan.get("rollback").get("reason").asString()).contains("incident " + incidentId,
                EventContracts.recorded("incident.cause-confirmed.v1").get("reason").asString());
        var rollbackId = plan.get("deploymentId").asString();
        mvc.perform(get("/api/v1/deployments/{id}", rollbackId).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.kind").value("ROLLBACK"))
                .andExpect(jsonPath("$.incidentId").value(incidentId.toString()))
                .andExpect(jsonPath("$.automatic").value(false));

        var before = deploymentsOf(service);
        events.publish(confirmed); // redelivered
        var again = causeConfirmed(incidentId, cause, service); // the same decision told again, another event id
        awaitProcessed(again);
        assertThat(deploymentsOf(service)).isEqualTo(before);
        assertThat(events.received("deployment.planned.v1", d -> d.has("rollback")
                && incidentId.toString().equals(d.get("rollback").path("incidentId").asString()))).hasSize(1);
        assertThat(events.received("deployment.rollback-declined.v1",
                d -> incidentId.toString().equals(d.get("incidentId").asString()))).isEmpty();
    }

    @Test
    void with_no_release_before_it_the_rollback_is_declined_with_the_reason_and_nothing_planned() throws Exception {
        var service = register("{\"automatic\":true}");
        var only = deployed(service, "SUCCEEDED");
        var before = deploymentsOf(service);
        var incidentId = UUID.randomUUID();

        causeConfirmed(incidentId, only, service);

        var declined = EventContracts.assertConforms(events.await("deployment.rollback-declined.v1",
                d -> incidentId.toString().equals(d.get("incidentId").asString())));
        assertThat(declined.subject()).isEqualTo(only.get("deploymentId").asString());
        assertThat(declined.data().get("deploymentId").asString()).isEqualTo(only.get("deploymentId").asString());
        assertThat(declined.data().get("service").asString()).isEqualTo(service);
        assertThat(declined.data().get("reason").asString()).contains("nothing to roll back to");
        assertThat(deploymentsOf(service)).isEqualTo(before);
        assertThat(jdbc.sql("select declined_reason from incident_rollback where incident_id = :i")
                .param("i", incidentId).query(String.class).single()).contains("nothing to roll back to");
    }

    @Test
    void a_p1_within_the_environment_s_window_has_the_last_deployment_rolled_back_automatically() throws Exception {
        var service = register("{\"p1Within\":\"PT30M\",\"automatic\":true}");
        var first = deployed(service, "SUCCEEDED");
        var last = deployed(service, "SUCCEEDED");
        var p3 = UUID.randomUUID();
        awaitProcessed(opened(p3, service, "P3"));
        var p1 = UUID.randomUUID();

        var opened = opened(p1, service, "P1");

        var plan = rollbackPlannedFor(p1);
        assertThat(plan.get("rollback").get("of").asString()).isEqualTo(last.get("deploymentId").asString());
        assertThat(plan.get("rollback").get("automatic").asBoolean()).isTrue();
        assertThat(plan.get("rollback").get("emergency").asBoolean()).isTrue();
        assertThat(plan.get("rollback").get("reason").asString()).startsWith("P1 incident " + p1 + " started ")
                .endsWith("within the 30m of its incident rollback policy");
        assertThat(plan.get("commitSha").asString()).isEqualTo(first.get("commitSha").asString());
        assertThat(plan.get("requestedBy").asString()).isEqualTo("incident " + p1 + " (P1 policy of staging)");
        assertThat(events.received("deployment.planned.v1", d -> d.has("rollback")
                && p3.toString().equals(d.get("rollback").path("incidentId").asString())))
                .as("a P3 asks for nothing").isEmpty();

        events.publish(opened); // redelivered
        awaitProcessed(causeConfirmed(p1, last, service)); // then its cause confirmed: asked already
        assertThat(jdbc.sql("select asked_by from incident_rollback where incident_id = :i").param("i", p1)
                .query(String.class).list()).containsExactly("P1_POLICY");
        assertThat(events.received("deployment.planned.v1", d -> d.has("rollback")
                && p1.toString().equals(d.get("rollback").path("incidentId").asString()))).hasSize(1);
    }

    @Test
    void without_a_p1_rule_a_p1_asks_for_nothing() throws Exception {
        var service = register(null);
        deployed(service, "SUCCEEDED");
        deployed(service, "SUCCEEDED");
        var before = deploymentsOf(service);
        var incidentId = UUID.randomUUID();

        awaitProcessed(opened(incidentId, service, "P1"));

        assertThat(deploymentsOf(service)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from incident_rollback where incident_id = :i").param("i", incidentId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_policy_is_registered_with_the_environment_and_a_bad_window_is_refused_with_nothing_written()
            throws Exception {
        var service = register("{\"p1Within\":\"PT15M\",\"automatic\":true}");
        mvc.perform(get("/api/v1/services/{name}", service).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.environments[0].incidentRollback.p1Within").value("PT15M"))
                .andExpect(jsonPath("$.environments[0].incidentRollback.automatic").value(true));
        var plain = register(null);
        mvc.perform(get("/api/v1/services/{name}", plain).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.environments[0].incidentRollback.automatic").value(false))
                .andExpect(jsonPath("$.environments[0].incidentRollback.p1Within").doesNotExist());

        var services = jdbc.sql("select count(*) from service").query(Integer.class).single();
        for (var refused : List.of("{\"p1Within\":\"PT0S\"}", "{\"p1Within\":\"PT25H\"}",
                "{\"p1Within\":\"thirty minutes\"}", "{\"p1Within\":\"PT1.5S\"}", "{\"automatic\":\"yes\"}",
                "{\"when\":\"always\"}")) {
            mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"name":"refused-%s","repository":"acme/refused","defaultBranch":"main",
                             "webhookSecret":"0123456789abcdef-secret",
                             "environments":[{"name":"staging","order":10,"requiresApproval":false,
                               "deployTarget":{"type":"webhook","url":"https://deploy.example/staging"},
                               "incidentRollback":%s}]}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 8), refused)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "environments[0].incidentRollback")));
        }
        assertThat(jdbc.sql("select count(*) from service").query(Integer.class).single()).isEqualTo(services);
    }
}
