package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.ProblemCalls.PIA;
import static io.passerelle.incidentservice.ProblemCalls.postJson;
import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static io.passerelle.incidentservice.UpstreamEvents.ofService;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The known error database: an incident that opens matching a known error gets it suggested with its workaround. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class KnownErrorsIntegrationTest {

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    ProblemCalls calls;
    String service;

    @BeforeEach
    void setUp() {
        calls = new ProblemCalls(mvc, json, jdbc);
        service = newService();
    }

    @Test
    void an_alert_of_the_known_error_s_service_and_name_opens_an_incident_that_suggests_it() throws Exception {
        var known = calls.knownError(service, "Pool exhausted", Map.of("service", service,
                "alertName", "HighErrorRate"));
        var problemId = known.get("id").asString();

        new UpstreamEvents(probe, jdbc).fired("fp-" + UUID.randomUUID(), service, "critical", Instant.now());

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                ofService(service))).data();
        var suggested = opened.get("knownErrors");
        assertThat(suggested.size()).isEqualTo(1);
        assertThat(suggested.get(0).get("problemId").asString()).isEqualTo(problemId);
        assertThat(suggested.get(0).get("title").asString()).isEqualTo("Pool exhausted");
        assertThat(suggested.get(0).get("workaround").asString()).isEqualTo("restart the pods of " + service);

        var incidentId = opened.get("incidentId").asString();
        var incident = calls.viewIncident(incidentId);
        assertThat(incident.get("knownErrors").get(0).get("problemId").asString()).isEqualTo(problemId);
        assertThat(incident.get("knownErrors").get(0).get("workaround").asString())
                .isEqualTo("restart the pods of " + service);
        assertThat(incident.get("problems").size()).as("suggested, not linked").isZero();
        assertThat(calls.timeline(incidentId)).contains("PROBLEM monitoring: known error suggested: \"Pool exhausted\";"
                + " workaround: restart the pods of " + service + " @" + problemId);
    }

    @Test
    void an_incident_the_service_desk_logs_gets_the_known_errors_that_name_its_service_only() throws Exception {
        var byService = calls.knownError(service, "Provider rate limit", Map.of("service", service)).get("id")
                .asString();
        calls.knownError(service, "Pool exhausted", Map.of("service", service, "alertName", "HighErrorRate"));

        var incident = calls.incident(service);

        assertThat(incident.get("knownErrors").size()).as("no alert: the known error naming one does not fit")
                .isEqualTo(1);
        assertThat(incident.get("knownErrors").get(0).get("problemId").asString()).isEqualTo(byService);
        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                data -> data.get("incidentId").asString().equals(incident.get("id").asString()))).data();
        assertThat(opened.get("knownErrors").get(0).get("problemId").asString()).isEqualTo(byService);
        assertThat(calls.timeline(incident.get("id").asString()))
                .anyMatch(line -> line.startsWith("PROBLEM sam: known error suggested: \"Provider rate limit\""));
    }

    @Test
    void labels_the_known_error_names_must_all_be_on_the_alert_with_its_values() throws Exception {
        var cluster = "cluster-" + UUID.randomUUID();
        var problemId = calls.knownError(service, "Node pool drained", Map.of("labels", Map.of("cluster", cluster,
                "team", "payments"))).get("id").asString();

        fire("fp-" + UUID.randomUUID(), Map.of("cluster", cluster, "team", "search"));
        fire("fp-" + UUID.randomUUID(), Map.of("cluster", cluster, "team", "payments", "pod", "checkout-7"));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> probe.received(
                "incident.opened.v1", ofService(service)).size() == 2);
        var openings = probe.received("incident.opened.v1", ofService(service));
        var withLabels = openings.stream().filter(e -> e.data().has("knownErrors")).toList();
        assertThat(withLabels).as("only the alert that carries both labels with these values").hasSize(1);
        assertThat(withLabels.getFirst().data().get("knownErrors").get(0).get("problemId").asString())
                .isEqualTo(problemId);
        assertThat(jdbc.sql("select count(*) from incident_known_error where problem_id = :id")
                .param("id", UUID.fromString(problemId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_unattributed_alert_gets_the_known_errors_its_labels_match_but_none_naming_a_service() throws Exception {
        var cluster = "cluster-" + UUID.randomUUID();
        var byLabels = calls.knownError(service, "Node pool drained", Map.of("labels", Map.of("cluster", cluster)))
                .get("id").asString();
        calls.knownError(service, "Node pool drained here", Map.of("service", service, "labels",
                Map.of("cluster", cluster)));

        var fingerprint = "fp-" + UUID.randomUUID();
        var data = EventContracts.recorded("alert.fired.v1").deepCopy();
        ((tools.jackson.databind.node.ObjectNode) data).put("fingerprint", fingerprint).put("alertName", "NodeNotReady")
                .put("startsAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .set("labels", json.valueToTree(Map.of("cluster", cluster)));
        ((tools.jackson.databind.node.ObjectNode) data).remove(List.of("service", "environment"));
        probe.publish("alert.fired.v1", fingerprint, data);

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                d -> fingerprint.equals(d.path("fingerprint").asString()))).data();
        assertThat(opened.get("attributed").asBoolean()).isFalse();
        assertThat(opened.get("knownErrors").size()).as("the one naming a service does not fit").isEqualTo(1);
        assertThat(opened.get("knownErrors").get(0).get("problemId").asString()).isEqualTo(byLabels);
        assertThat(calls.viewIncident(opened.get("incidentId").asString()).get("knownErrors").get(0)
                .get("problemId").asString()).isEqualTo(byLabels);
    }

    @Test
    void a_resolved_known_error_is_suggested_no_more() throws Exception {
        var problemId = calls.knownError(service, "Pool exhausted", Map.of("service", service)).get("id").asString();
        assertThat(calls.incident(service).get("knownErrors").size()).isEqualTo(1);

        calls.ok(postJson("/api/v1/problems/{id}/resolve", "{}", problemId).with(PIA), 200);

        var later = calls.incident(service);
        assertThat(later.get("knownErrors").size()).isZero();
        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                data -> data.get("incidentId").asString().equals(later.get("id").asString()))).data();
        assertThat(opened.has("knownErrors")).as("none matched: left out").isFalse();
    }

    /** An alert of the test's service with those labels, as integration-service relays it. */
    private void fire(String fingerprint, Map<String, String> labels) {
        var data = EventContracts.recorded("alert.fired.v1").deepCopy();
        ((tools.jackson.databind.node.ObjectNode) data).put("fingerprint", fingerprint).put("service", service)
                .put("environment", "production").put("alertName", "NodeNotReady")
                .put("startsAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .set("labels", json.valueToTree(labels));
        probe.publish("alert.fired.v1", fingerprint, data);
    }
}
