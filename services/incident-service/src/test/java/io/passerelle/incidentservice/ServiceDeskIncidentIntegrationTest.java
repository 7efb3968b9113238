package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
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
import java.time.temporal.ChronoUnit;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service desk logs, lists and resolves incidents over HTTP. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ServiceDeskIncidentIntegrationTest {

    private static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");
    private static final String PROBLEM = "application/problem+json";

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    UpstreamEvents events;
    String service;

    @BeforeEach
    void setUp() {
        events = new UpstreamEvents(probe, jdbc);
        service = newService();
    }

    @Test
    void the_service_desk_logs_an_incident_with_its_suspects() throws Exception {
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        var succeeded = events.deployed("SUCCEEDED", service, "production", startedAt.minus(Duration.ofHours(6)));
        var failed = events.deployed("FAILED", service, "production", startedAt.minus(Duration.ofMinutes(10)));
        events.awaitProjected(service, 2);

        var response = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service":"%s","environment":"production","title":"Users cannot pay",
                                 "description":"reported by three shops","impact":"HIGH","urgency":"MEDIUM",
                                 "startedAt":"%s"}""".formatted(service, startedAt)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("SERVICE_DESK"))
                .andExpect(jsonPath("$.priority").value("P2"))
                .andExpect(jsonPath("$.state").value("NEW"))
                .andExpect(jsonPath("$.attributed").value(true))
                .andExpect(jsonPath("$.reportedBy").value("sam"))
                .andExpect(jsonPath("$.occurrences").value(1))
                .andExpect(jsonPath("$.description").value("reported by three shops"))
                .andExpect(jsonPath("$.suspects.length()").value(2))
                // the failed one finished 10 min before, the successful one 6 h before
                .andExpect(jsonPath("$.suspects[0].deploymentId").value(failed.toString()))
                .andExpect(jsonPath("$.suspects[0].outcome").value("FAILED"))
                .andExpect(jsonPath("$.suspects[0].score").value(0.795))
                .andExpect(jsonPath("$.suspects[1].deploymentId").value(succeeded.toString()))
                .andExpect(jsonPath("$.suspects[1].score").value(0.525))
                .andExpect(jsonPath("$.suspects[1].rank").value(2))
                .andReturn().getResponse();
        var body = json.readTree(response.getContentAsString());
        var id = body.get("id").asString();
        // a path: the service does not know the public address, and must not name its own
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/incidents/" + id);
        assertThat(Instant.parse(body.get("startedAt").asString())).isEqualTo(startedAt);

        var opened = EventContracts.assertConforms(probe.await("incident.opened.v1",
                data -> data.get("incidentId").asString().equals(id)));
        assertThat(opened.data().get("source").asString()).isEqualTo("SERVICE_DESK");
        assertThat(opened.data().get("reportedBy").asString()).isEqualTo("sam");
        assertThat(opened.data().has("fingerprint")).isFalse();
        assertThat(opened.data().get("suspects").get(0).get("deploymentId").asString()).isEqualTo(failed.toString());

        mvc.perform(get("/api/v1/incidents/{id}", id).with(TestJwts.user("alice", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suspects[0].reason").value(org.hamcrest.Matchers.endsWith(
                        "newest of 2 deployments in the 24h window; score 0.795 = 0.7 × recency 0.993 + 0.1 it failed"
                                + " (it may have left part of its change in place)")));
    }

    @Test
    void an_incident_without_start_starts_now() throws Exception {
        var before = Instant.now();
        var body = report("LOW", "LOW");
        assertThat(Instant.parse(body.get("startedAt").asString())).isBetween(before.minusMillis(1), Instant.now());
        assertThat(body.get("priority").asString()).isEqualTo("P5");
        assertThat(body.get("suspects").size()).isZero();
    }

    @Test
    void an_invalid_report_is_a_problem_and_writes_nothing() throws Exception {
        var invalid = new String[] {
                """
                {"service":"%s","environment":"production","impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"SEVERE","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH","x":1}""",
                """
                {"service":"%s","environment":"Prod!","title":"t","impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"","impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                 "startedAt":"yesterday"}""",
                // the hardening issue's cases: NUL in text, coercions, a year that overflows arithmetic
                """
                {"service":"%s","environment":"production","title":"a\\u0000b","impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"t","description":"\\u0000",
                 "impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":123,"impact":"HIGH","urgency":"HIGH"}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                 "startedAt":"+999999999-12-31T23:59:59Z"}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                 "startedAt":""}""",
                """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                 "startedAt":0}""" };
        for (var body : invalid) {
            mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(service)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.matchesPattern("(?s).*(java\\.|Exception|[a-z]\\$[A-Z]).*"))));
        }
        mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON).content("""
                        {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                         "startedAt":"%s"}""".formatted(service, Instant.now().plus(Duration.ofHours(1)))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("future")));

        assertThat(jdbc.sql("select count(*) from incident where service = :service").param("service", service)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where payload -> 'data' ->> 'service' = :service")
                .param("service", service).query(Integer.class).single()).isZero();
    }

    @Test
    void without_a_token_it_is_401_and_with_the_wrong_role_403() throws Exception {
        var body = """
                {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH"}"""
                .formatted(service);
        mvc.perform(post("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/incidents"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/incidents").with(TestJwts.user("alice", "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/incidents").with(TestJwts.user("ci", "pipeline")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        var id = report("HIGH", "HIGH").get("id").asString();
        mvc.perform(post("/api/v1/incidents/{id}/resolve", id).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents/{id}", id).with(TestJwts.user("mon", "monitoring")))
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("select count(*) from incident where service = :service").param("service", service)
                .query(Integer.class).single()).as("only sam's incident").isEqualTo(1);
    }

    @Test
    void incidents_are_listed_by_service_and_state() throws Exception {
        var first = report("HIGH", "HIGH").get("id").asString();
        var second = report("LOW", "MEDIUM").get("id").asString();
        var other = service;
        service = newService();
        report("HIGH", "LOW");
        service = other;
        mvc.perform(post("/api/v1/incidents/{id}/resolve", first).with(SAM)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/incidents").param("service", service).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(second))
                .andExpect(jsonPath("$[1].id").value(first))
                .andExpect(jsonPath("$[*].service").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo(service))));
        mvc.perform(get("/api/v1/incidents").param("service", service).param("state", "NEW").with(SAM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(second))
                .andExpect(jsonPath("$[0].priority").value("P4"));
        mvc.perform(get("/api/v1/incidents").param("service", service).param("state", "RESOLVED").with(SAM))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(first));
        mvc.perform(get("/api/v1/incidents").param("state", "OPEN").with(SAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/incidents").param("service", "Not A Service").with(SAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("service must match")));
        mvc.perform(get("/api/v1/incidents").param("limit", "0").with(SAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void the_service_desk_resolves_an_incident_once() throws Exception {
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        var id = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON).content("""
                        {"service":"%s","environment":"production","title":"t","impact":"HIGH","urgency":"HIGH",
                         "startedAt":"%s"}""".formatted(service, startedAt)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        id = json.readTree(id).get("id").asString();

        mvc.perform(post("/api/v1/incidents/{id}/resolve", id).with(SAM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value("sam"))
                .andExpect(jsonPath("$.timeToRestoreSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1800)));
        var incidentId = id;
        var resolved = EventContracts.assertConforms(probe.await("incident.resolved.v1",
                data -> data.get("incidentId").asString().equals(incidentId)));
        assertThat(resolved.data().get("timeToRestoreSeconds").asLong()).isBetween(1800L, 1900L);
        assertThat(resolved.data().get("resolvedBy").asString()).isEqualTo("sam");

        mvc.perform(post("/api/v1/incidents/{id}/resolve", id).with(SAM))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(probe.received("incident.resolved.v1", data -> data.get("incidentId").asString()
                .equals(incidentId))).hasSize(1);
        assertThat(jdbc.sql("select kind || ' ' || actor || ': ' || text from timeline_entry where incident_id = :id"
                        + " order by at, seq").param("id", java.util.UUID.fromString(incidentId))
                .query(String.class).list()).as("stored with the incident, the refused resolve adds nothing")
                .containsExactly("OPENED sam: opened as P1: t", "SUSPECTS sam: no deployment is suspected",
                        "STATE sam: resolved");
    }

    @Test
    void an_unknown_incident_is_404() throws Exception {
        mvc.perform(get("/api/v1/incidents/{id}", java.util.UUID.randomUUID()).with(SAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/incidents/{id}/resolve", java.util.UUID.randomUUID()).with(SAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/incidents/{id}", "not-a-uuid").with(SAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    private JsonNode report(String impact, String urgency) throws Exception {
        var response = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service":"%s","environment":"production","title":"Slow checkout",
                                 "impact":"%s","urgency":"%s"}""".formatted(service, impact, urgency)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse();
        return json.readTree(response.getContentAsString());
    }
}
