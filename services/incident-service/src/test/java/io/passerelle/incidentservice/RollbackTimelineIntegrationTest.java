package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An incident's rollback on its timeline (ADR 0020), from the events of release-service and change-service through
 * RabbitMQ: proposed, its emergency change raised and authorized or rejected, rolled back or failed, or declined with
 * the reason; each once, however often the event is delivered; read back through GET /incidents/{id}/rollbacks.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class RollbackTimelineIntegrationTest {

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    String service;
    UUID incident;
    final UUID undone = UUID.randomUUID();
    final UUID rollback = UUID.randomUUID();
    final UUID change = UUID.randomUUID();
    Instant t0;

    @BeforeEach
    void anIncident() throws Exception {
        service = newService();
        var body = mvc.perform(post("/api/v1/incidents").with(TestJwts.user("sam", "service-desk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"service":"%s","environment":"production","title":"Checkout fails",
                                 "impact":"HIGH","urgency":"HIGH"}""".formatted(service)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        incident = UUID.fromString(json.readTree(body).get("id").asString());
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    CloudEvent planned(boolean automatic, UUID incidentId) {
        var data = (ObjectNode) recorded("deployment.planned.v1");
        data.put("deploymentId", rollback.toString()).put("service", service).put("environment", "production")
                .put("version", "1.4.1").put("requestedBy", "incident " + incidentId + " (P1 policy of production)")
                .put("plannedAt", t0.toString());
        data.putObject("rollback").put("of", undone.toString()).put("reason", "P1 incident started 2m after it")
                .put("emergency", true).put("incidentId", incidentId.toString()).put("automatic", automatic);
        return probe.publish("deployment.planned.v1", rollback.toString(), data);
    }

    CloudEvent changeRaised(String state) {
        var data = (ObjectNode) recorded("change.raised.v1");
        data.put("changeId", change.toString()).put("type", "EMERGENCY").put("state", state)
                .put("service", service).put("environment", "production")
                .put("deploymentId", rollback.toString()).put("raisedAt", t0.plusMillis(100).toString());
        return probe.publish("change.raised.v1", change.toString(), data);
    }

    CloudEvent changeAuthorized(String by) {
        var data = (ObjectNode) recorded("change.authorized.v1");
        data.put("changeId", change.toString()).put("type", "EMERGENCY").put("service", service)
                .put("environment", "production").put("deploymentId", rollback.toString()).put("authorizedBy", by)
                .put("authorizedAt", t0.plusSeconds(30).toString());
        return probe.publish("change.authorized.v1", change.toString(), data);
    }

    CloudEvent rolledBack() {
        var data = (ObjectNode) recorded("deployment.rolled-back.v1");
        data.put("deploymentId", rollback.toString()).put("rolledBackDeploymentId", undone.toString())
                .put("changeId", change.toString()).put("service", service).put("environment", "production")
                .put("restoredVersion", "1.4.1").put("rolledBackAt", t0.plusSeconds(45).toString());
        return probe.publish("deployment.rolled-back.v1", rollback.toString(), data);
    }

    void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    int lines() {
        return jdbc.sql("select count(*) from timeline_entry where incident_id = :id and kind in ('CHANGE', 'DEPLOYMENT')")
                .param("id", incident).query(Integer.class).single();
    }

    List<String> timeline() {
        return jdbc.sql("select kind || ' ' || text from timeline_entry where incident_id = :id order by at, seq")
                .param("id", incident).query(String.class).list();
    }

    @Test
    void proposal_approval_and_rollback_reach_the_incident_s_timeline_in_order_once_each() throws Exception {
        awaitProcessed(planned(false, incident));
        awaitProcessed(changeRaised("PENDING_APPROVAL"));
        var authorized = changeAuthorized("erin");
        awaitProcessed(authorized);
        var done = rolledBack();
        awaitProcessed(done);
        probe.publish(authorized); // redelivered
        probe.publish(done);
        var other = (ObjectNode) recorded("change.authorized.v1"); // after them in the queue: about no rollback
        other.put("service", service).put("deploymentId", UUID.randomUUID().toString());
        awaitProcessed(probe.publish("change.authorized.v1", UUID.randomUUID().toString(), other));

        assertThat(timeline()).filteredOn(l -> l.startsWith("CHANGE") || l.startsWith("DEPLOYMENT")).satisfiesExactly(
                l -> assertThat(l).startsWith("DEPLOYMENT rollback proposed: deployment " + rollback + " puts 1.4.1"
                        + " back in production"),
                l -> assertThat(l).isEqualTo("CHANGE EMERGENCY change " + change + " raised for the rollback,"
                        + " waiting for the emergency approvers"),
                l -> assertThat(l).isEqualTo("CHANGE change " + change + " approved: authorized by erin"),
                l -> assertThat(l).isEqualTo("DEPLOYMENT rolled back: 1.4.1 is back in production (deployment "
                        + rollback + ")"));
        assertThat(timeline().getFirst()).as("the incident's opening comes first").startsWith("OPENED");

        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("otto", "on-call")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].state").value("ROLLED_BACK"))
                .andExpect(jsonPath("$[0].deploymentId").value(rollback.toString()))
                .andExpect(jsonPath("$[0].undoneDeploymentId").value(undone.toString()))
                .andExpect(jsonPath("$[0].changeId").value(change.toString()))
                .andExpect(jsonPath("$[0].restoredVersion").value("1.4.1"))
                .andExpect(jsonPath("$[0].automatic").value(false))
                .andExpect(jsonPath("$[0].timeline[*].kind").value(Matchers.contains("DEPLOYMENT", "CHANGE", "CHANGE",
                        "DEPLOYMENT")))
                .andExpect(jsonPath("$[0].timeline[2].actor").value("erin"));
    }

    @Test
    void a_redelivered_event_adds_no_line() throws Exception {
        var plan = planned(true, incident);
        awaitProcessed(plan);
        var raised = changeRaised("AUTHORIZED");
        awaitProcessed(raised);
        var before = lines();

        probe.publish(plan);
        probe.publish(raised);
        var marker = changeAuthorized("passerelle:environment-policy");
        awaitProcessed(marker);

        assertThat(lines()).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$[0].state").value("AUTHORIZED"))
                .andExpect(jsonPath("$[0].automatic").value(true))
                .andExpect(jsonPath("$[0].timeline[2].text").value(Matchers.containsString(
                        "authorized at once by the environment's incident rollback policy")));
    }

    @Test
    void steps_told_before_the_plan_or_before_the_step_they_follow_wait_and_are_taken_in_turn() throws Exception {
        awaitProcessed(changeAuthorized("passerelle:environment-policy"));
        awaitProcessed(rolledBack());
        awaitProcessed(planned(true, incident));
        assertThat(lines()).as("the change is not raised yet: only the proposal").isEqualTo(1);
        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$[0].state").value("PLANNED"));

        awaitProcessed(changeRaised("AUTHORIZED"));

        assertThat(timeline()).filteredOn(l -> l.startsWith("CHANGE") || l.startsWith("DEPLOYMENT")).satisfiesExactly(
                l -> assertThat(l).startsWith("DEPLOYMENT rollback proposed"),
                l -> assertThat(l).endsWith("raised for the rollback, authorized at once"),
                l -> assertThat(l).contains("authorized at once by the environment's incident rollback policy"),
                l -> assertThat(l).startsWith("DEPLOYMENT rolled back: 1.4.1"));
        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$[0].state").value("ROLLED_BACK"));
        assertThat(jdbc.sql("select count(*) from rollback_step_held where deployment_id = :id").param("id", rollback)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void steps_of_a_deployment_planned_as_no_incident_s_rollback_are_dropped() throws Exception {
        var other = UUID.randomUUID();
        var authorized = (ObjectNode) recorded("change.authorized.v1");
        authorized.put("service", service).put("deploymentId", other.toString());
        awaitProcessed(probe.publish("change.authorized.v1", UUID.randomUUID().toString(), authorized));
        assertThat(jdbc.sql("select count(*) from rollback_step_held where deployment_id = :id").param("id", other)
                .query(Integer.class).single()).as("its plan may still come").isEqualTo(1);

        var forward = (ObjectNode) recorded("deployment.planned.v1");
        forward.put("deploymentId", other.toString()).put("service", service);
        awaitProcessed(probe.publish("deployment.planned.v1", other.toString(), forward));
        awaitProcessed(probe.publish("change.authorized.v1", UUID.randomUUID().toString(), authorized));

        assertThat(jdbc.sql("select count(*) from rollback_step_held where deployment_id = :id").param("id", other)
                .query(Integer.class).single()).isZero();
        assertThat(lines()).isZero();
    }

    @Test
    void a_rejected_change_and_a_failed_rollback_say_why() throws Exception {
        awaitProcessed(planned(false, incident));
        awaitProcessed(changeRaised("PENDING_APPROVAL"));
        var rejected = (ObjectNode) recorded("change.rejected.v1");
        rejected.put("changeId", change.toString()).put("service", service).put("environment", "production")
                .put("deploymentId", rollback.toString()).put("rejectedBy", "erin")
                .put("reason", "the release before is broken too").put("rejectedAt", t0.plusSeconds(20).toString());
        awaitProcessed(probe.publish("change.rejected.v1", change.toString(), rejected));

        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$[0].state").value("REJECTED"));
        assertThat(timeline().getLast()).isEqualTo("CHANGE change " + change + " rejected by erin: the release before"
                + " is broken too; no rollback");

        var failed = (ObjectNode) recorded("deployment.failed.v1");
        failed.put("deploymentId", rollback.toString()).put("service", service).put("environment", "production")
                .put("reason", "no outcome within 30m of its authorization").put("finishedAt",
                        t0.plusSeconds(60).toString());
        awaitProcessed(probe.publish("deployment.failed.v1", rollback.toString(), failed));

        assertThat(timeline().getLast()).isEqualTo("DEPLOYMENT rollback failed (deployment " + rollback + "): no"
                + " outcome within 30m of its authorization");
        assertThat(jdbc.sql("select count(*) from deployment where deployment_id = :id").param("id", rollback)
                .query(Integer.class).single()).as("still projected as a finished deployment").isEqualTo(1);
    }

    @Test
    void a_declined_rollback_tells_the_on_call_engineer_why() throws Exception {
        var declined = (ObjectNode) recorded("deployment.rollback-declined.v1");
        declined.put("incidentId", incident.toString()).put("deploymentId", undone.toString()).put("service", service)
                .put("declinedAt", t0.toString());
        var event = probe.publish("deployment.rollback-declined.v1", undone.toString(), declined);
        awaitProcessed(event);
        probe.publish(event);
        awaitProcessed(changeRaised("PENDING_APPROVAL")); // about no rollback of ours: ignored

        var reason = declined.get("reason").asString();
        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].state").value("DECLINED"))
                .andExpect(jsonPath("$[0].deploymentId").doesNotExist())
                .andExpect(jsonPath("$[0].declinedReason").value(reason))
                .andExpect(jsonPath("$[0].timeline.length()").value(1))
                .andExpect(jsonPath("$[0].timeline[0].text").value("no rollback of deployment " + undone + ": "
                        + reason));
        assertThat(lines()).isEqualTo(1);
    }

    @Test
    void deployments_and_changes_that_are_no_incident_s_rollback_leave_the_timeline_alone() throws Exception {
        var forward = (ObjectNode) recorded("deployment.planned.v1");
        forward.put("deploymentId", rollback.toString()).put("service", service);
        awaitProcessed(probe.publish("deployment.planned.v1", rollback.toString(), forward));
        var byHand = (ObjectNode) recorded("deployment.planned.v1");
        byHand.put("deploymentId", UUID.randomUUID().toString()).put("service", service);
        byHand.putObject("rollback").put("of", undone.toString()).put("reason", "rhea's call").put("emergency", true);
        awaitProcessed(probe.publish("deployment.planned.v1", UUID.randomUUID().toString(), byHand));
        awaitProcessed(planned(false, UUID.randomUUID())); // an incident this service does not know
        awaitProcessed(changeAuthorized("alice"));

        assertThat(lines()).isZero();
        mvc.perform(get("/api/v1/incidents/{id}/rollbacks", incident).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void the_rollbacks_are_for_the_incident_s_readers_and_a_bad_or_unknown_id_is_a_problem() throws Exception {
        var path = "/api/v1/incidents/{id}/rollbacks";
        mvc.perform(get(path, incident)).andExpect(status().isUnauthorized());
        for (var role : List.of("monitoring", "pipeline", "operator")) {
            mvc.perform(get(path, incident).with(TestJwts.user("x", role))).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        for (var role : List.of("service-desk", "on-call", "problem-manager", "change-manager", "release-manager")) {
            mvc.perform(get(path, incident).with(TestJwts.user("x", role))).andExpect(status().isOk());
        }
        mvc.perform(get(path, "not-a-uuid").with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(path, UUID.randomUUID()).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
