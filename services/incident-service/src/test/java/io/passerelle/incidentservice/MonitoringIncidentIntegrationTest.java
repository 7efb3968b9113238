package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static io.passerelle.incidentservice.UpstreamEvents.ofService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Monitoring drives incidents through RabbitMQ only: alerts open, join and resolve them. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class MonitoringIncidentIntegrationTest {

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    UpstreamEvents events;
    String service;
    String fingerprint;
    Instant startsAt;

    @BeforeEach
    void setUp() {
        events = new UpstreamEvents(probe, jdbc);
        service = newService();
        fingerprint = "fp-" + UUID.randomUUID();
        startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2));
    }

    @Test
    void a_firing_alert_opens_an_incident_with_the_newest_deployment_of_the_service_as_top_suspect() throws Exception {
        var older = events.deployed("SUCCEEDED", service, "production", startsAt.minus(Duration.ofHours(3)));
        var newest = events.deployed("SUCCEEDED", service, "production", startsAt.minus(Duration.ofMinutes(12)));
        events.deployed("SUCCEEDED", service, "staging", startsAt.minus(Duration.ofMinutes(5)));
        events.deployed("SUCCEEDED", service, "production", startsAt.plus(Duration.ofMinutes(1)));
        events.deployed("SUCCEEDED", service, "production", startsAt.minus(Duration.ofHours(25)));
        events.awaitProjected(service, 5);

        events.fired(fingerprint, service, "critical", startsAt);

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1", ofService(service)));
        var data = opened.data();
        assertThat(data.get("source").asString()).isEqualTo("MONITORING");
        assertThat(data.get("priority").asString()).isEqualTo("P1");
        assertThat(data.get("title").asString()).isEqualTo("HighErrorRate on " + service + "/production");
        assertThat(data.get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(data.get("reportedBy").asString()).isEqualTo("monitoring");
        assertThat(Instant.parse(data.get("startedAt").asString())).isEqualTo(startsAt);
        var suspects = data.get("suspects");
        assertThat(suspects.size()).isEqualTo(2);
        assertThat(suspects.get(0).get("deploymentId").asString()).isEqualTo(newest.toString());
        assertThat(suspects.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(suspects.get(0).get("score").asDouble()).isEqualTo(0.694);
        assertThat(suspects.get(0).get("reason").asString()).startsWith(service + " 1.4.")
                .endsWith("(commit 1a2b3c4) succeeded in production 12 min before the incident started;"
                        + " newest of 2 deployments in the 24h window; score 0.694 = 0.7 × recency 0.992");
        assertThat(suspects.get(1).get("deploymentId").asString()).isEqualTo(older.toString());

        var incident = incident(data.get("incidentId").asString());
        assertThat(incident.get("state").asString()).isEqualTo("NEW");
        assertThat(incident.get("attributed").asBoolean()).isTrue();
        assertThat(incident.get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(incident.get("alertName").asString()).isEqualTo("HighErrorRate");
        assertThat(incident.get("occurrences").asInt()).isEqualTo(1);
        assertThat(incident.get("impact").asString()).isEqualTo("HIGH");
        assertThat(incident.get("urgency").asString()).isEqualTo("HIGH");
        assertThat(incident.get("suspects").get(0).get("deploymentId").asString()).isEqualTo(newest.toString());
        assertThat(incident.get("suspects").get(0).get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(incident.get("suspects").get(0).get("score").asDouble()).isEqualTo(0.694);
    }

    @Test
    void the_same_alert_notified_again_joins_the_open_incident() throws Exception {
        events.fired(fingerprint, service, "warning", startsAt);
        var id = probe.await("incident.opened.v1", ofService(service)).data().get("incidentId").asString();

        events.fired(fingerprint, service, "warning", startsAt);

        await().atMost(Duration.ofSeconds(15)).until(() -> incident(id).get("occurrences").asInt() == 2);
        var incident = incident(id);
        assertThat(incident.get("priority").asString()).isEqualTo("P3");
        assertThat(incident.get("lastSeenAt").isNull()).isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(probe.received("incident.opened.v1", ofService(service))).hasSize(1);
        assertThat(incidentsWithFingerprint()).isEqualTo(1);
    }

    @Test
    void a_cleared_alert_resolves_the_incident_and_measures_time_to_restore() throws Exception {
        events.fired(fingerprint, service, "critical", startsAt);
        var id = probe.await("incident.opened.v1", ofService(service)).data().get("incidentId").asString();

        events.resolved(fingerprint, service, startsAt, startsAt.plus(Duration.ofMinutes(17)));

        var resolved = EventContracts.assertConforms(probe.await("incident.resolved.v1",
                data -> data.get("incidentId").asString().equals(id)));
        assertThat(resolved.data().get("timeToRestoreSeconds").asLong()).isEqualTo(17 * 60);
        assertThat(Instant.parse(resolved.data().get("resolvedAt").asString()))
                .isEqualTo(startsAt.plus(Duration.ofMinutes(17)));
        assertThat(resolved.data().get("resolvedBy").asString()).isEqualTo("monitoring");
        var incident = incident(id);
        assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(incident.get("timeToRestoreSeconds").asLong()).isEqualTo(17 * 60);

        // cleared again (Alertmanager repeats resolved notifications too): nothing open, nothing happens
        events.awaitProcessed(events.resolved(fingerprint, service, startsAt, startsAt.plus(Duration.ofMinutes(18))));
        // a late notification of the firing that was resolved: no new incident
        events.awaitProcessed(events.fired(fingerprint, service, "critical", startsAt));
        assertThat(incidentsWithFingerprint()).isEqualTo(1);
        // the alert fires again later (a new firing, a new startsAt): a new incident, not the resolved one
        events.fired(fingerprint, service, "critical", startsAt.plus(Duration.ofMinutes(20)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> probe.received("incident.opened.v1", ofService(service)).size() == 2);
        assertThat(probe.received("incident.resolved.v1", ofService(service))).hasSize(1);
        assertThat(incidentsWithFingerprint()).isEqualTo(2);
        assertThat(incident(id).get("resolvedAt").asString()).isEqualTo(resolved.data().get("resolvedAt").asString());
    }

    @Test
    void an_alert_that_names_no_service_opens_an_unattributed_incident_without_suspects_that_dedups_and_resolves()
            throws Exception {
        var firing = events.firedUnattributed(fingerprint, "critical", startsAt);

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                data -> fingerprint.equals(data.path("fingerprint").asString())));
        var data = opened.data();
        assertThat(data.has("service")).isFalse();
        assertThat(data.has("environment")).isFalse();
        assertThat(data.get("attributed").asBoolean()).isFalse();
        assertThat(data.get("suspects").size()).isZero();
        assertThat(data.get("title").asString()).isEqualTo("DiskFull (unattributed)");
        assertThat(data.get("priority").asString()).isEqualTo("P1");
        var id = data.get("incidentId").asString();
        var incident = incident(id);
        assertThat(incident.get("attributed").asBoolean()).isFalse();
        assertThat(incident.get("service").isNull()).isTrue();
        assertThat(incident.get("environment").isNull()).isTrue();
        assertThat(timeline(id)).contains("SUSPECTS monitoring: unattributed: the alert's labels name no Passerelle"
                + " service and environment, so no deployment is suspected");

        probe.publish(firing); // redelivered: nothing
        events.firedUnattributed(fingerprint, "critical", startsAt); // repeated: joins
        await().atMost(Duration.ofSeconds(15)).until(() -> incident(id).get("occurrences").asInt() == 2);
        assertThat(incidentsWithFingerprint()).isEqualTo(1);

        events.resolved(fingerprint, null, startsAt, startsAt.plus(Duration.ofMinutes(5)));
        var resolved = EventContracts.assertConforms(probe.await("incident.resolved.v1",
                d -> id.equals(d.path("incidentId").asString()))).data();
        assertThat(resolved.has("service")).isFalse();
        assertThat(resolved.get("attributed").asBoolean()).isFalse();
        assertThat(incident(id).get("state").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void an_alert_joins_and_is_resolved_by_its_clearing_whatever_open_state_people_put_the_incident_in()
            throws Exception {
        events.fired(fingerprint, service, "warning", startsAt);
        var id = probe.await("incident.opened.v1", ofService(service)).data().get("incidentId").asString();
        var otto = TestJwts.user("otto", "on-call");
        mvc.perform(post("/api/v1/incidents/{id}/acknowledge", id).with(otto));
        mvc.perform(post("/api/v1/incidents/{id}/start", id).with(otto));
        mvc.perform(post("/api/v1/incidents/{id}/hold", id).with(otto).contentType("application/json")
                .content("{\"reason\":\"waiting for the vendor\"}"));
        assertThat(incident(id).get("state").asString()).isEqualTo("ON_HOLD");

        events.fired(fingerprint, service, "warning", startsAt);
        await().atMost(Duration.ofSeconds(15)).until(() -> incident(id).get("occurrences").asInt() == 2);
        events.resolved(fingerprint, service, startsAt, startsAt.plus(Duration.ofMinutes(9)));

        await().atMost(Duration.ofSeconds(15)).until(() -> "RESOLVED".equals(incident(id).get("state").asString()));
        var incident = incident(id);
        assertThat(incident.get("resolvedBy").asString()).isEqualTo("monitoring");
        assertThat(incident.get("holdReason").isNull()).isTrue();
        assertThat(incident.get("timeToRestoreSeconds").asLong()).isEqualTo(9 * 60);
        assertThat(timeline(id)).endsWith("ALERT monitoring: alert notified again (occurrence 2)",
                "STATE monitoring: resolved: the alert cleared");
    }

    @Test
    void a_late_firing_of_an_alert_whose_incident_was_closed_opens_nothing() throws Exception {
        events.fired(fingerprint, service, "info", startsAt);
        var id = probe.await("incident.opened.v1", ofService(service)).data().get("incidentId").asString();
        var sam = TestJwts.user("sam", "service-desk");
        mvc.perform(post("/api/v1/incidents/{id}/resolve", id).with(sam));
        mvc.perform(post("/api/v1/incidents/{id}/close", id).with(sam));
        assertThat(incident(id).get("state").asString()).isEqualTo("CLOSED");

        events.awaitProcessed(events.fired(fingerprint, service, "info", startsAt));
        events.awaitProcessed(events.resolved(fingerprint, service, startsAt, startsAt.plusSeconds(60)));

        assertThat(incidentsWithFingerprint()).isEqualTo(1);
        assertThat(incident(id).get("occurrences").asInt()).isEqualTo(1);
    }

    @Test
    void a_cleared_alert_without_open_incident_is_ignored() {
        events.awaitProcessed(events.resolved(fingerprint, service, startsAt, startsAt.plusSeconds(60)));

        assertThat(incidentsWithFingerprint()).isZero();
        assertThat(probe.received("incident.resolved.v1", ofService(service))).isEmpty();
    }

    @Test
    void a_redelivered_alert_event_has_a_single_effect() throws Exception {
        var envelope = events.fired(fingerprint, service, "critical", startsAt);
        var id = probe.await("incident.opened.v1", ofService(service)).data().get("incidentId").asString();

        probe.publish(envelope); // the same CloudEvent (same id) delivered again
        events.fired(fingerprint, service, "critical", startsAt); // a genuine repeat

        await().atMost(Duration.ofSeconds(15)).until(() -> incident(id).get("occurrences").asInt() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> incident(id).get("occurrences").asInt() == 2);
        assertThat(probe.received("incident.opened.v1", ofService(service))).hasSize(1);
        assertThat(incidentsWithFingerprint()).isEqualTo(1);
    }

    private int incidentsWithFingerprint() {
        return jdbc.sql("select count(*) from incident where fingerprint = :fp").param("fp", fingerprint)
                .query(Integer.class).single();
    }

    private java.util.List<String> timeline(String id) throws Exception {
        var body = mvc.perform(get("/api/v1/incidents/{id}/timeline", id).with(TestJwts.user("otto", "on-call")))
                .andReturn().getResponse().getContentAsString();
        var lines = new java.util.ArrayList<String>();
        json.readTree(body).forEach(e -> lines.add(e.get("kind").asString() + " " + e.get("actor").asString() + ": "
                + e.get("text").asString()));
        return lines;
    }

    private JsonNode incident(String id) throws Exception {
        var body = mvc.perform(get("/api/v1/incidents/{id}", id).with(TestJwts.user("rhea", "release-manager")))
                .andReturn().getResponse();
        assertThat(body.getStatus()).isEqualTo(200);
        return json.readTree(body.getContentAsString());
    }
}
