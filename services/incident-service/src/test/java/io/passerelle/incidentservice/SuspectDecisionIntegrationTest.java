package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;
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

import io.passerelle.platform.test.EventContracts;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** The on-call engineer and the service desk confirm or dismiss suspects over HTTP; what is refused writes nothing. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class SuspectDecisionIntegrationTest {

    private static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");
    private static final RequestPostProcessor OTTO = TestJwts.user("otto", "on-call");
    private static final String PROBLEM = "application/problem+json";

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    UpstreamEvents events;
    String service;
    Instant startedAt;
    UUID newest;
    UUID older;
    UUID incident;

    @BeforeEach
    void setUp() throws Exception {
        events = new UpstreamEvents(probe, jdbc);
        service = newService();
        startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        newest = events.deployed("SUCCEEDED", service, "production", startedAt.minus(Duration.ofMinutes(12)));
        older = events.deployed("FAILED", service, "production", startedAt.minus(Duration.ofHours(5)));
        events.awaitProjected(service, 2);
        var body = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON).content("""
                        {"service":"%s","environment":"production","title":"Payments fail","impact":"HIGH",
                         "urgency":"HIGH","startedAt":"%s"}""".formatted(service, startedAt)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        incident = UUID.fromString(json.readTree(body).get("id").asString());
    }

    @Test
    void the_on_call_engineer_confirms_a_suspect_which_publishes_cause_confirmed() throws Exception {
        decide("confirm", newest, OTTO, "{\"reason\":\"5xx began as it reached production\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suspects[0].deploymentId").value(newest.toString()))
                .andExpect(jsonPath("$.suspects[0].decision").value("CONFIRMED"))
                .andExpect(jsonPath("$.suspects[0].decidedBy").value("otto"))
                .andExpect(jsonPath("$.suspects[0].decisionReason").value("5xx began as it reached production"))
                .andExpect(jsonPath("$.suspects[0].decidedAt").isNotEmpty())
                .andExpect(jsonPath("$.suspects[1].decision").value(Matchers.nullValue()));

        var confirmed = EventContracts.assertConforms(probe.await("incident.cause-confirmed.v1",
                data -> data.get("incidentId").asString().equals(incident.toString()))).data();
        assertThat(confirmed.get("deploymentId").asString()).isEqualTo(newest.toString());
        assertThat(confirmed.get("changeId").asString()).isEqualTo(suspectColumn(newest, "change_id"));
        assertThat(confirmed.get("service").asString()).isEqualTo(service);
        assertThat(confirmed.get("environment").asString()).isEqualTo("production");
        assertThat(confirmed.get("version").asString()).startsWith("1.4.");
        assertThat(confirmed.get("commitSha").asString()).isEqualTo("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b");
        assertThat(confirmed.get("priority").asString()).isEqualTo("P1");
        assertThat(Instant.parse(confirmed.get("incidentStartedAt").asString())).isEqualTo(startedAt);
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("otto");
        assertThat(confirmed.get("reason").asString()).isEqualTo("5xx began as it reached production");
        assertThat(lastTimelineLine()).startsWith("SUSPECT_DECISION otto: confirmed as a cause: " + service + " 1.4.")
                .endsWith(", suspect 1: 5xx began as it reached production");
        assertThat(jdbc.sql("select ref from timeline_entry where incident_id = :id and kind = 'SUSPECT_DECISION'")
                .param("id", incident).query(UUID.class).single()).isEqualTo(newest);

        // another suspect may be confirmed too; the same one not twice
        decide("confirm", older, SAM, "{\"reason\":\"its migration ran and stayed\"}").andExpect(status().isOk());
        decide("confirm", newest, SAM, "{\"reason\":\"again\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("already confirmed by otto")));
        assertThat(outboxed("incident.cause-confirmed.v1")).isEqualTo(2);
    }

    @Test
    void the_service_desk_dismisses_a_suspect_which_stays_listed_with_who_and_why() throws Exception {
        decide("dismiss", older, SAM, "{\"reason\":\"it never took traffic\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suspects.length()").value(2))
                .andExpect(jsonPath("$.suspects[1].deploymentId").value(older.toString()))
                .andExpect(jsonPath("$.suspects[1].decision").value("DISMISSED"))
                .andExpect(jsonPath("$.suspects[1].decidedBy").value("sam"))
                .andExpect(jsonPath("$.suspects[1].decisionReason").value("it never took traffic"));

        var dismissed = EventContracts.assertConforms(probe.await("incident.cause-dismissed.v1",
                data -> data.get("incidentId").asString().equals(incident.toString()))).data();
        assertThat(dismissed.get("deploymentId").asString()).isEqualTo(older.toString());
        assertThat(dismissed.get("dismissedBy").asString()).isEqualTo("sam");
        assertThat(dismissed.get("reason").asString()).isEqualTo("it never took traffic");
        mvc.perform(get("/api/v1/incidents/{id}", incident).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(jsonPath("$.suspects[1].decision").value("DISMISSED"));

        decide("confirm", older, OTTO, "{\"reason\":\"changed my mind\"}").andExpect(status().isConflict());
        assertThat(outboxed("incident.cause-confirmed.v1")).isZero();
    }

    @Test
    void without_a_token_it_is_401_and_with_a_role_that_does_not_decide_403() throws Exception {
        var body = "{\"reason\":\"it did it\"}";
        decide("confirm", newest, null, body).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        for (var role : List.of("change-manager", "release-manager", "monitoring", "pipeline", "problem-manager")) {
            decide("confirm", newest, TestJwts.user("x", role), body).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            decide("dismiss", newest, TestJwts.user("x", role), body).andExpect(status().isForbidden());
        }
        assertNothingWritten();
    }

    @Test
    void bad_input_is_a_problem_and_writes_nothing() throws Exception {
        var invalid = List.of("{}", "{\"reason\":\"\"}", "{\"reason\":null}", "{\"reason\":42}",
                "{\"reason\":\"" + "x".repeat(1001) + "\"}", "{\"reason\":\"ok\",\"by\":\"mallory\"}",
                "{\"reason\":\"a\\u0000b\"}", "not json", "{\"reason\":\"   \"}");
        for (var body : invalid) {
            for (var action : List.of("confirm", "dismiss")) {
                decide(action, newest, OTTO, body)
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                        .andExpect(jsonPath("$.detail").value(Matchers.not(
                                Matchers.matchesPattern("(?s).*(java\\.|Exception|[a-z]\\$[A-Z]).*"))));
            }
        }
        mvc.perform(post("/api/v1/incidents/{id}/suspects/{d}/confirm", incident, "not-a-uuid").with(OTTO)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertNothingWritten();
    }

    @Test
    void an_unknown_incident_or_a_deployment_that_is_not_a_suspect_is_404_and_writes_nothing() throws Exception {
        var unknown = UUID.randomUUID();
        mvc.perform(post("/api/v1/incidents/{id}/suspects/{d}/confirm", unknown, newest).with(OTTO)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("incident " + unknown + " does not exist"));
        var notASuspect = events.deployed("SUCCEEDED", service, "staging", startedAt.minusSeconds(60));
        events.awaitProjected(service, 3);
        decide("confirm", notASuspect, OTTO, "{\"reason\":\"x\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-found"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(notASuspect + " of incident "
                        + incident)));
        decide("dismiss", UUID.randomUUID(), OTTO, "{\"reason\":\"x\"}").andExpect(status().isNotFound());
        assertNothingWritten();
    }

    @Test
    void the_suspects_of_a_resolved_incident_are_not_decided() throws Exception {
        mvc.perform(post("/api/v1/incidents/{id}/resolve", incident).with(SAM)).andExpect(status().isOk());
        var lines = timeline();

        decide("confirm", newest, OTTO, "{\"reason\":\"after the fact\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("is RESOLVED")));
        decide("dismiss", older, OTTO, "{\"reason\":\"after the fact\"}").andExpect(status().isConflict());

        assertThat(timeline()).isEqualTo(lines);
        assertNothingWritten();
    }

    private ResultActions decide(String action, UUID deployment, RequestPostProcessor who, String body)
            throws Exception {
        var request = post("/api/v1/incidents/{id}/suspects/{d}/" + action, incident, deployment)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(who == null ? request : request.with(who));
    }

    private void assertNothingWritten() {
        assertThat(jdbc.sql("select count(*) from suspect where incident_id = :id and decision is not null")
                .param("id", incident).query(Integer.class).single()).isZero();
        assertThat(outboxed("incident.cause-confirmed.v1") + outboxed("incident.cause-dismissed.v1")).isZero();
        assertThat(jdbc.sql("select count(*) from timeline_entry where incident_id = :id and kind = 'SUSPECT_DECISION'")
                .param("id", incident).query(Integer.class).single()).isZero();
    }

    private int outboxed(String type) {
        return jdbc.sql("select count(*) from outbox_event where type = :type and payload -> 'data' ->> 'incidentId' = :id")
                .param("type", type).param("id", incident.toString()).query(Integer.class).single();
    }

    private String suspectColumn(UUID deployment, String column) {
        return jdbc.sql("select " + column + "::text from suspect where incident_id = :id and deployment_id = :d")
                .param("id", incident).param("d", deployment).query(String.class).single();
    }

    private List<String> timeline() {
        return jdbc.sql("select kind || ' ' || actor || ': ' || text from timeline_entry where incident_id = :id"
                + " order by at, seq").param("id", incident).query(String.class).list();
    }

    private String lastTimelineLine() {
        return timeline().getLast();
    }
}
