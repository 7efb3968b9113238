package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events arrive late and out of order: a deployment reported after an incident it may have caused opened joins its
 * suspects, while the incident is open and until a person decides; the projection of changes ranks a risky one higher.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class LateDeploymentIntegrationTest {

    private static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    UpstreamEvents events;
    String service;
    Instant startedAt;

    @BeforeEach
    void setUp() {
        events = new UpstreamEvents(probe, jdbc);
        service = newService();
        startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
    }

    @Test
    void a_deployment_reported_after_the_incident_opened_joins_its_suspects_once() throws Exception {
        var known = events.deployed("SUCCEEDED", service, "production", startedAt.minus(Duration.ofHours(2)));
        events.awaitProjected(service, 1);
        var id = report();
        assertThat(suspectIds(id)).containsExactly(known.toString());

        var late = events.deployed("SUCCEEDED", service, "production", startedAt.minus(Duration.ofMinutes(20)),
                startedAt.minus(Duration.ofMinutes(10)));

        await().atMost(Duration.ofSeconds(15)).until(() -> suspectIds(id).size() == 2);
        var incident = incident(id);
        assertThat(suspectIds(id)).containsExactly(late.deploymentId().toString(), known.toString());
        assertThat(incident.get("suspects").get(0).get("score").asDouble()).isEqualTo(0.695); // 0.7 × 0.993
        assertThat(incident.get("suspects").get(1).get("reason").asString())
                .as("no longer the only one: its factor is gone").endsWith("score 0.642 = 0.7 × recency 0.917");
        assertThat(timeline(id)).containsExactly(
                "OPENED sam: opened as P2: Checkout is slow",
                "SUSPECTS sam: 1 deployment is suspected; the most likely: " + service + " "
                        + incident.get("suspects").get(1).get("version").asString()
                        + " (commit 1a2b3c4) succeeded in production 2 h before the incident started; the only"
                        + " deployment in the 24h window; score 0.742 = 0.7 × recency 0.917 + 0.1 the only deployment"
                        + " in the window",
                "SUSPECTS passerelle:attribution: suspects computed again: "
                        + incident.get("suspects").get(0).get("version").asString()
                        + " (commit 1a2b3c4) joined at rank 1; 2 deployments are suspected; the most likely: "
                        + incident.get("suspects").get(0).get("reason").asString());
        assertThat(jdbc.sql("select ref from timeline_entry where incident_id = :id and kind = 'SUSPECTS'"
                        + " and actor = 'passerelle:attribution'").param("id", UUID.fromString(id))
                .query(UUID.class).single()).isEqualTo(late.deploymentId());

        // the same CloudEvent delivered again, and the same deployment reported again (first outcome wins): no change
        probe.publish(late.event());
        var again = ((ObjectNode) late.event().data()).deepCopy().put("reason", "reported twice");
        events.awaitProcessed(probe.publish("deployment.failed.v1", late.deploymentId().toString(), again));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> timeline(id).size() == 3);
        assertThat(suspectIds(id)).containsExactly(late.deploymentId().toString(), known.toString());
    }

    @Test
    void a_deployment_under_way_when_the_incident_started_joins_its_suspects() throws Exception {
        var id = report();
        assertThat(suspectIds(id)).isEmpty();

        var underWay = events.deployed("FAILED", service, "production", startedAt.minus(Duration.ofMinutes(2)),
                startedAt.plus(Duration.ofMinutes(1)));

        await().atMost(Duration.ofSeconds(15)).until(() -> suspectIds(id).size() == 1);
        var suspect = incident(id).get("suspects").get(0);
        assertThat(suspect.get("deploymentId").asString()).isEqualTo(underWay.deploymentId().toString());
        assertThat(suspect.get("score").asDouble()).isEqualTo(0.9); // 0.7 × 1 + failed + the only one
        assertThat(suspect.get("reason").asString()).contains("was being deployed to production when the incident"
                + " started: it began 2 min before and failed 1 min after");
    }

    @Test
    void deployments_that_cannot_have_caused_it_change_nothing() throws Exception {
        var id = report();

        var after = events.deployed("SUCCEEDED", service, "production", startedAt.plusSeconds(30),
                startedAt.plusSeconds(90));
        var elsewhere = events.deployed("SUCCEEDED", service, "staging", null, startedAt.minusSeconds(60));
        var otherService = events.deployed("SUCCEEDED", newService(), "production", null,
                startedAt.minusSeconds(60));
        for (var d : List.of(after, elsewhere, otherService)) {
            events.awaitProcessed(d.event());
        }

        assertThat(suspectIds(id)).isEmpty();
        assertThat(timeline(id)).hasSize(2);
    }

    @Test
    void once_a_person_decided_about_a_suspect_a_late_deployment_changes_nothing() throws Exception {
        var known = events.deployed("SUCCEEDED", service, "production", startedAt.minus(Duration.ofHours(2)));
        events.awaitProjected(service, 1);
        var id = report();
        mvc.perform(post("/api/v1/incidents/{id}/suspects/{d}/dismiss", id, known)
                        .with(TestJwts.user("otto", "on-call")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"only a config comment changed\"}"))
                .andExpect(status().isOk());

        var late = events.deployed("SUCCEEDED", service, "production", null, startedAt.minus(Duration.ofMinutes(3)));
        events.awaitProcessed(late.event());

        assertThat(suspectIds(id)).containsExactly(known.toString());
        assertThat(jdbc.sql("select count(*) from deployment where deployment_id = :id")
                .param("id", late.deploymentId()).query(Integer.class).single()).as("still projected").isEqualTo(1);
        assertThat(timeline(id)).last().asString().startsWith("SUSPECT_DECISION otto: dismissed as a cause");
    }

    @Test
    void a_resolved_incident_keeps_its_suspects() throws Exception {
        var id = report();
        mvc.perform(post("/api/v1/incidents/{id}/resolve", id).with(SAM)).andExpect(status().isOk());

        events.awaitProcessed(events.deployed("SUCCEEDED", service, "production", null,
                startedAt.minus(Duration.ofMinutes(3))).event());

        assertThat(suspectIds(id)).isEmpty();
    }

    @Test
    void a_normal_change_of_high_risk_ranks_its_deployment_higher_and_is_projected_once() throws Exception {
        var risky = events.deployed("SUCCEEDED", service, "production", null, startedAt.minus(Duration.ofHours(3)));
        var newer = events.deployed("SUCCEEDED", service, "production", null, startedAt.minus(Duration.ofHours(1)));
        var raised = events.changeRaised(risky.changeId(), service, "NORMAL", 81);
        events.changeRaised(newer.changeId(), service, "STANDARD", 90);
        events.awaitProjected(service, 2);
        events.awaitProcessed(raised);
        probe.publish(raised); // delivered again
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from raised_change where change_id in (:a, :b)")
                .param("a", risky.changeId()).param("b", newer.changeId()).query(Integer.class).single() == 2);

        var id = report();

        var suspects = incident(id).get("suspects");
        assertThat(suspects.get(0).get("deploymentId").asString()).isEqualTo(risky.deploymentId().toString());
        assertThat(suspects.get(0).get("reason").asString())
                .endsWith("score 0.713 = 0.7 × recency 0.875 + 0.1 a NORMAL change of high risk (81 ≥ 50)");
        assertThat(suspects.get(1).get("reason").asString()).endsWith("score 0.671 = 0.7 × recency 0.958");
        assertThat(jdbc.sql("select type || ' ' || risk_score from raised_change where change_id = :id")
                .param("id", risky.changeId()).query(String.class).list()).containsExactly("NORMAL 81");
    }

    private String report() throws Exception {
        var body = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON).content("""
                        {"service":"%s","environment":"production","title":"Checkout is slow","impact":"HIGH",
                         "urgency":"MEDIUM","startedAt":"%s"}""".formatted(service, startedAt)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private JsonNode incident(String id) throws Exception {
        var body = mvc.perform(get("/api/v1/incidents/{id}", id).with(SAM)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return json.readTree(body);
    }

    private List<String> suspectIds(String id) throws Exception {
        return incident(id).get("suspects").valueStream().map(s -> s.get("deploymentId").asString()).toList();
    }

    private List<String> timeline(String id) {
        return jdbc.sql("select kind || ' ' || actor || ': ' || text from timeline_entry where incident_id = :id"
                + " order by at, seq").param("id", UUID.fromString(id)).query(String.class).list();
    }
}
