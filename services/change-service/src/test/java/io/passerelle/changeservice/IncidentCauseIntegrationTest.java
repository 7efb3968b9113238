package io.passerelle.changeservice;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.changeservice.change.AuditEntry;
import io.passerelle.changeservice.change.ChangeState;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/** A suspect confirmed in incident-service as an incident's cause marks the deployment's change as having caused it. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class IncidentCauseIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired Changes changes;
    @Autowired ChangeHistory history;
    @Autowired MeterRegistry meters;

    private final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID deployment = UUID.randomUUID();
    private UUID change;

    /** A pipeline's change, implemented by its deployment, which succeeded: CLOSED. */
    @BeforeEach
    void aClosedChange() {
        var planned = (ObjectNode) recorded("deployment.planned.v1");
        planned.put("deploymentId", deployment.toString()).put("service", service).put("environment", "staging")
                .put("requiresApproval", false);
        events.publish("deployment.planned.v1", deployment.toString(), planned);
        change = UUID.fromString(events.await("change.raised.v1",
                data -> data.path("deploymentId").asString().equals(deployment.toString())).data().get("changeId")
                .asString());
        var succeeded = (ObjectNode) recorded("deployment.succeeded.v1");
        succeeded.put("deploymentId", deployment.toString()).put("changeId", change.toString())
                .put("service", service).put("environment", "staging");
        events.publish("deployment.succeeded.v1", deployment.toString(), succeeded);
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.find(change).orElseThrow().state()
                == ChangeState.CLOSED);
    }

    @Test
    void a_confirmed_cause_marks_the_change_with_an_audit_line_once_and_counts_it_as_failed() throws Exception {
        var incident = UUID.randomUUID();
        var before = counted();

        var confirmed = confirm(incident, change);

        await().atMost(Duration.ofSeconds(10)).until(() -> !changes.find(change).orElseThrow().causedIncidents()
                .isEmpty());
        mvc.perform(get("/api/v1/changes/{id}", change).with(TestJwts.user("alice", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("SUCCESSFUL"))
                .andExpect(jsonPath("$.causedIncidents.length()").value(1))
                .andExpect(jsonPath("$.causedIncidents[0].incidentId").value(incident.toString()))
                .andExpect(jsonPath("$.causedIncidents[0].deploymentId").value(deployment.toString()))
                .andExpect(jsonPath("$.causedIncidents[0].priority").value("P1"))
                .andExpect(jsonPath("$.causedIncidents[0].confirmedBy").value("otto"))
                .andExpect(jsonPath("$.causedIncidents[0].reason").value(Matchers.startsWith("5xx began as")))
                .andExpect(jsonPath("$.auditTrail[-1].action").value("CAUSED_INCIDENT"))
                .andExpect(jsonPath("$.auditTrail[-1].by").value("passerelle:incident"))
                .andExpect(jsonPath("$.auditTrail[-1].state").value("CLOSED"))
                .andExpect(jsonPath("$.auditTrail[-1].detail").value(Matchers.startsWith("caused incident " + incident
                        + " (P1): its deployment " + deployment + " was confirmed as a cause by otto at ")));
        mvc.perform(get("/api/v1/changes").param("service", service).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(jsonPath("$[0].causedIncidents[0].incidentId").value(incident.toString()));
        assertThat(counted()).isEqualTo(before + 1);
        var tally = history.endedBetween(service, Instant.now().minus(Duration.ofDays(30)), Instant.now());
        assertThat(tally.failed()).as("a change that caused an incident failed, for the risk").isEqualTo(1);
        assertThat(tally.ended()).isEqualTo(1);

        // the same CloudEvent again, and the same cause confirmed in another event: recorded once
        events.publish(confirmed);
        awaitProcessed(confirm(incident, change));
        assertThat(jdbc.sql("select count(*) from change_incident where change_id = :id").param("id", change)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(changes.find(change).orElseThrow().auditTrail()).filteredOn(
                e -> e.action() == AuditEntry.Action.CAUSED_INCIDENT).hasSize(1);
        assertThat(counted()).isEqualTo(before + 1);
    }

    @Test
    void a_change_may_have_caused_several_incidents() {
        confirm(UUID.randomUUID(), change);
        confirm(UUID.randomUUID(), change);

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.find(change).orElseThrow().causedIncidents()
                .size() == 2);
        assertThat(history.endedBetween(service, Instant.now().minus(Duration.ofDays(30)), Instant.now()).failed())
                .as("still one failed change").isEqualTo(1);
    }

    @Test
    void a_cause_without_a_change_or_naming_a_change_unknown_here_changes_nothing() {
        var withoutChange = (ObjectNode) recorded("incident.cause-confirmed.v1");
        withoutChange.remove("changeId");
        withoutChange.put("incidentId", UUID.randomUUID().toString()).put("service", service);
        awaitProcessed(events.publish("incident.cause-confirmed.v1", withoutChange.get("incidentId").asString(),
                withoutChange));
        awaitProcessed(confirm(UUID.randomUUID(), UUID.randomUUID()));

        assertThat(changes.find(change).orElseThrow().causedIncidents()).isEmpty();
        assertThat(jdbc.sql("select count(*) from change_incident where change_id = :id").param("id", change)
                .query(Integer.class).single()).isZero();
    }

    private CloudEvent confirm(UUID incident, UUID changeId) {
        var data = (ObjectNode) recorded("incident.cause-confirmed.v1");
        data.put("incidentId", incident.toString()).put("deploymentId", deployment.toString())
                .put("changeId", changeId.toString()).put("service", service).put("environment", "staging");
        return assertConforms(events.publish("incident.cause-confirmed.v1", incident.toString(), data));
    }

    private void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    private double counted() {
        return meters.find("passerelle.changes.caused.incidents").tags("service", service).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
