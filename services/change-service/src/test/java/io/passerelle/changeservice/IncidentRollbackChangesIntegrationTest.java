package io.passerelle.changeservice;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

import io.passerelle.changeservice.change.ChangeRequest;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes of rollbacks incidents ask for (ADR 0020), through RabbitMQ and HTTP: where the environment's incident
 * rollback policy is automatic the EMERGENCY change is authorized at once, its audit trail naming the policy and the
 * incident, through a freeze; otherwise it waits for the emergency approvers, then passes the freeze.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class IncidentRollbackChangesIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID incident = UUID.randomUUID();

    @BeforeEach
    void catalogAndFreeze() throws Exception {
        Catalogued.register(events, jdbc, service, "staging", "production");
        mvc.perform(post("/api/v1/freeze-windows").with(TestJwts.user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Year end","reason":"test","start":"%s","end":"%s","timeZone":"UTC",
                         "scope":{"services":["%s"],"environments":["production"]}}""".formatted(
                        Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                        Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS), service)))
                .andExpect(status().isCreated());
    }

    /** An incident's emergency rollback planned in production, as release-service plans it: its deployment id. */
    UUID rollbackPlanned(Boolean automatic) {
        var rollback = UUID.randomUUID();
        var planned = (ObjectNode) recorded("deployment.planned.v1");
        planned.put("deploymentId", rollback.toString()).put("service", service).put("environment", "production")
                .put("requiresApproval", true).put("version", "1.4.1")
                .put("requestedBy", "incident " + incident + " (P1 policy of production)");
        var of = planned.putObject("rollback").put("of", UUID.randomUUID().toString())
                .put("reason", "P1 incident " + incident + " started 2m after the deployment").put("emergency", true)
                .put("incidentId", incident.toString());
        if (automatic != null) {
            of.put("automatic", automatic);
        }
        assertConforms(events.publish("deployment.planned.v1", rollback.toString(), planned));
        return rollback;
    }

    static Predicate<JsonNode> about(UUID deploymentId) {
        return d -> deploymentId.toString().equals(d.path("deploymentId").asString());
    }

    @Test
    void an_automatic_policy_authorizes_the_emergency_change_at_once_through_the_freeze_naming_policy_and_incident()
            throws Exception {
        var rollback = rollbackPlanned(true);

        var raised = assertConforms(events.await("change.raised.v1", about(rollback))).data();
        assertThat(raised.get("type").asString()).isEqualTo("EMERGENCY");
        assertThat(raised.get("state").asString()).isEqualTo("AUTHORIZED");
        var authorized = assertConforms(events.await("change.authorized.v1", about(rollback))).data();
        assertThat(authorized.get("authorizedBy").asString()).isEqualTo(ChangeRequest.POLICY_AUTHORIZER);
        assertThat(events.received("change.held.v1", about(rollback))).as("an emergency passes the freeze").isEmpty();

        mvc.perform(get("/api/v1/changes/{id}", raised.get("changeId").asString())
                        .with(TestJwts.user("erin", "emergency-approver")))
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.authorizedBy").value(ChangeRequest.POLICY_AUTHORIZER))
                .andExpect(jsonPath("$.auditTrail[*].action").value(Matchers.contains("RAISED", "ASSESSED",
                        "AUTHORIZED", "PASSED_FREEZE")))
                .andExpect(jsonPath("$.auditTrail[2].detail").value("authorized at once by the incident rollback"
                        + " policy of production (automatic) for incident " + incident))
                .andExpect(jsonPath("$.auditTrail[3].detail").value(Matchers.containsString(
                        "authorized at once by its environment's policy")));
        mvc.perform(post("/api/v1/changes/{id}/approve", raised.get("changeId").asString())
                        .with(TestJwts.user("erin", "emergency-approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
    }

    @Test
    void without_the_automatic_policy_the_emergency_change_waits_for_an_emergency_approver_then_passes_the_freeze()
            throws Exception {
        for (var automatic : new Boolean[] {null, false}) {
            var rollback = rollbackPlanned(automatic);

            var raised = assertConforms(events.await("change.raised.v1", about(rollback))).data();
            assertThat(raised.get("type").asString()).isEqualTo("EMERGENCY");
            assertThat(raised.get("state").asString()).isEqualTo("PENDING_APPROVAL");
            assertThat(raised.get("requestedBy").asString()).isEqualTo("incident " + incident
                    + " (P1 policy of production)");
            var id = raised.get("changeId").asString();
            assertThat(events.received("change.authorized.v1", about(rollback))).isEmpty();

            mvc.perform(post("/api/v1/changes/{id}/approve", id).with(TestJwts.user("erin", "emergency-approver"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"roll it back\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("SCHEDULED"));

            var authorized = assertConforms(events.await("change.authorized.v1", about(rollback))).data();
            assertThat(authorized.get("authorizedBy").asString()).isEqualTo("erin");
            assertThat(events.received("change.held.v1", about(rollback))).isEmpty();
            mvc.perform(get("/api/v1/changes/{id}", id).with(TestJwts.user("erin", "emergency-approver")))
                    .andExpect(jsonPath("$.auditTrail[*].action").value(Matchers.contains("RAISED", "ASSESSED",
                            "SUBMITTED", "APPROVED", "PASSED_FREEZE")))
                    .andExpect(jsonPath("$.auditTrail[4].detail").value(Matchers.containsString(
                            "under the emergency approval policy")));
        }
    }
}
