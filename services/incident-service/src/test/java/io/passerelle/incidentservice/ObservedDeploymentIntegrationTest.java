package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static io.passerelle.incidentservice.UpstreamEvents.ofService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
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
 * deployment.observed.v1 as integration-service records it (api-specs/events/examples): a deployment another tool made
 * outside change control becomes a suspect that says so.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ObservedDeploymentIntegrationTest {

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    UpstreamEvents events;
    String service;
    Instant startsAt;

    @BeforeEach
    void setUp() {
        events = new UpstreamEvents(probe, jdbc);
        service = newService();
        startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));
    }

    io.passerelle.platform.event.CloudEvent observed(String outcome, Instant finishedAt) {
        var data = (ObjectNode) EventContracts.recorded("deployment.observed.v1");
        var id = UUID.randomUUID().toString();
        data.put("deploymentId", id);
        data.put("service", service);
        data.put("environment", "production");
        data.put("outcome", outcome);
        data.put("finishedAt", finishedAt.toString());
        data.remove("commitSha");
        return probe.publish("deployment.observed.v1", id, data);
    }

    @Test
    void a_deployment_made_outside_change_control_is_the_top_suspect_and_says_who_made_it() throws Exception {
        var ours = events.deployed("SUCCEEDED", service, "production", startsAt.minus(Duration.ofHours(2)));
        var theirs = observed("SUCCEEDED", startsAt.minus(Duration.ofMinutes(10)));
        var failed = observed("FAILED", startsAt.minus(Duration.ofMinutes(5)));
        events.awaitProcessed(failed);
        events.awaitProjected(service, 2);
        var theirId = theirs.subject();
        var row = jdbc.sql("select made_by, commit_sha, change_id from deployment where deployment_id = :id")
                .param("id", UUID.fromString(theirId)).query().singleRow();
        assertThat(row.get("made_by")).isEqualTo("argo-rollouts");
        assertThat(row.get("commit_sha")).isNull();
        assertThat(row.get("change_id")).isNull();
        // told again (a redelivery that got past the inbox, or the same deployment told twice): still one
        probe.publish("deployment.observed.v1", UUID.randomUUID().toString(), theirs.data());
        events.fired("fp-" + UUID.randomUUID(), service, "critical", startsAt);

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1", ofService(service))).data();
        var suspects = opened.get("suspects");
        assertThat(suspects.size()).isEqualTo(2);
        assertThat(suspects.get(0).get("deploymentId").asString()).isEqualTo(theirId);
        assertThat(suspects.get(0).get("madeBy").asString()).isEqualTo("argo-rollouts");
        assertThat(suspects.get(0).has("commitSha")).isFalse();
        assertThat(suspects.get(0).has("changeId")).isFalse();
        assertThat(suspects.get(0).get("reason").asString()).startsWith(service + " 1.4.2 (commit unknown) deployed"
                + " by argo-rollouts outside change control succeeded in production 10 min before the incident");
        assertThat(suspects.get(1).get("deploymentId").asString()).isEqualTo(ours.toString());
        assertThat(suspects.get(1).has("madeBy")).isFalse();

        var incidentId = opened.get("incidentId").asString();
        var body = mvc.perform(get("/api/v1/incidents/{id}", incidentId).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var suspect = json.readTree(body).get("suspects").get(0);
        assertThat(suspect.get("madeBy").asString()).isEqualTo("argo-rollouts");
        assertThat(suspect.get("commitSha").isNull()).isTrue();
        assertThat(suspect.get("changeId").isNull()).isTrue();

        // confirmed as the cause: the event says so without a commit
        mvc.perform(post("/api/v1/incidents/{id}/suspects/{d}/confirm", incidentId, theirId)
                        .with(TestJwts.user("otto", "on-call")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"the canary went out at 10:05 without a change\"}"))
                .andExpect(status().isOk());
        var confirmed = EventContracts.assertConforms(probe.await("incident.cause-confirmed.v1",
                d -> d.get("deploymentId").asString().equals(theirId))).data();
        assertThat(confirmed.has("commitSha")).isFalse();
        assertThat(confirmed.has("changeId")).isFalse();
    }
}
