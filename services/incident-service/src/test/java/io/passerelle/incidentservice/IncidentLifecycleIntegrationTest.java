package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident lifecycle over HTTP: each transition, assignment, work notes, priority changes and the timeline, with
 * the roles that may do each, the refusals that write nothing, and the events the transitions publish.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class IncidentLifecycleIntegrationTest {

    private static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");
    private static final RequestPostProcessor OTTO = TestJwts.user("otto", "on-call");
    private static final RequestPostProcessor ALICE = TestJwts.user("alice", "change-manager");
    private static final RequestPostProcessor PIA = TestJwts.user("pia", "problem-manager");
    private static final RequestPostProcessor MONITORING = TestJwts.user("mon", "monitoring");
    private static final String PROBLEM = "application/problem+json";

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    String service;

    @BeforeEach
    void setUp() {
        service = newService();
    }

    @Test
    void an_incident_goes_from_new_to_closed_through_every_state_and_its_timeline_says_so_in_order() throws Exception {
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        var id = report(startedAt);

        transition(id, "acknowledge", OTTO).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value("otto"))
                .andExpect(jsonPath("$.acknowledgedAt").isNotEmpty())
                .andExpect(jsonPath("$.timeToAcknowledgeSeconds").value(Matchers.greaterThanOrEqualTo(0)));
        var acknowledged = EventContracts.assertConforms(probe.await("incident.acknowledged.v1", of(id))).data();
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("otto");
        assertThat(acknowledged.get("service").asString()).isEqualTo(service);
        assertThat(acknowledged.get("attributed").asBoolean()).isTrue();

        mvc.perform(put("/api/v1/incidents/{id}/assignment", id).with(OTTO).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\":\"otto\",\"group\":\"payments-oncall\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("otto"))
                .andExpect(jsonPath("$.assignmentGroup").value("payments-oncall"));
        note(id, OTTO, "restarted the payment pods; errors persist").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("NOTE"))
                .andExpect(jsonPath("$.actor").value("otto"))
                .andExpect(jsonPath("$.text").value("restarted the payment pods; errors persist"));
        transition(id, "start", OTTO).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        transition(id, "hold", OTTO, "{\"reason\":\"waiting for the payment provider\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ON_HOLD"))
                .andExpect(jsonPath("$.holdReason").value("waiting for the payment provider"));
        transition(id, "resume", OTTO).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.holdReason").value(Matchers.nullValue()));
        mvc.perform(put("/api/v1/incidents/{id}/priority", id).with(SAM).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"impact\":\"MEDIUM\",\"urgency\":\"HIGH\",\"reason\":\"one shop only\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priority").value("P2"))
                .andExpect(jsonPath("$.impact").value("MEDIUM"));
        transition(id, "resolve", OTTO).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value("otto"))
                .andExpect(jsonPath("$.timeToRestoreSeconds").value(Matchers.greaterThanOrEqualTo(1800)));
        transition(id, "reopen", SAM, "{\"reason\":\"customers still cannot pay\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.resolvedAt").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.timeToRestoreSeconds").value(Matchers.nullValue()));
        var reopened = EventContracts.assertConforms(probe.await("incident.reopened.v1", of(id))).data();
        assertThat(reopened.get("reopenedBy").asString()).isEqualTo("sam");
        assertThat(reopened.get("reason").asString()).isEqualTo("customers still cannot pay");
        assertThat(reopened.get("priority").asString()).isEqualTo("P2");
        transition(id, "resolve", SAM).andExpect(status().isOk()).andExpect(jsonPath("$.resolvedBy").value("sam"));
        transition(id, "close", SAM).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.closedBy").value("sam"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty())
                .andExpect(jsonPath("$.timeToRestoreSeconds").value(Matchers.greaterThanOrEqualTo(1800)));

        await().atMost(Duration.ofSeconds(15)).until(() -> probe.received("incident.resolved.v1", of(id)).size() == 2);
        var resolutions = probe.received("incident.resolved.v1", of(id)).stream()
                .map(e -> EventContracts.assertConforms(e).data()).toList();
        assertThat(resolutions).extracting(d -> d.get("resolvedBy").asString()).containsExactly("otto", "sam");
        assertThat(Instant.parse(resolutions.get(1).get("resolvedAt").asString()))
                .isAfter(Instant.parse(resolutions.get(0).get("resolvedAt").asString()));

        var timeline = timeline(id, PIA);
        var lines = timeline.stream().map(e -> e.get("kind").asString() + " " + e.get("actor").asString() + ": "
                + e.get("text").asString()).toList();
        assertThat(lines.get(2)).matches("STATE otto: acknowledged [0-9]+ s after it opened");
        assertThat(lines.subList(0, 2)).containsExactly(
                "OPENED sam: opened as P1: Payments fail",
                "SUSPECTS sam: no deployment is suspected");
        assertThat(lines.subList(3, lines.size())).containsExactly(
                "ASSIGNMENT otto: assigned to otto (group payments-oncall)",
                "NOTE otto: restarted the payment pods; errors persist",
                "STATE otto: work started",
                "STATE otto: on hold: waiting for the payment provider",
                "STATE otto: resumed",
                "PRIORITY sam: priority P1 → P2 (impact HIGH → MEDIUM, urgency HIGH → HIGH): one shop only",
                "STATE otto: resolved",
                "STATE sam: reopened: customers still cannot pay",
                "STATE sam: resolved",
                "STATE sam: closed");
        assertThat(timeline).extracting(e -> Instant.parse(e.get("at").asString())).isSorted();

        // CLOSED is final
        for (var action : List.of("acknowledge", "start", "resume", "resolve", "close")) {
            transition(id, action, SAM).andExpect(status().isConflict());
        }
        transition(id, "reopen", SAM, "{\"reason\":\"again\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"));
        note(id, SAM, "too late").andExpect(status().isConflict());
        assertThat(timeline(id, SAM)).hasSize(timeline.size());
    }

    @Test
    void an_illegal_transition_is_a_state_conflict_that_writes_nothing() throws Exception {
        var id = report(null);
        var before = footprint(id);

        transition(id, "start", OTTO).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.endsWith("is NEW: it cannot be started (acknowledge it first)")));
        transition(id, "hold", OTTO, "{\"reason\":\"waiting\"}").andExpect(status().isConflict());
        transition(id, "resume", OTTO).andExpect(status().isConflict());
        transition(id, "close", SAM).andExpect(status().isConflict());
        transition(id, "reopen", SAM, "{\"reason\":\"again\"}").andExpect(status().isConflict());

        assertThat(footprint(id)).isEqualTo(before);
        transition(id, "acknowledge", OTTO).andExpect(status().isOk());
        transition(id, "acknowledge", SAM).andExpect(status().isConflict());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(probe.received("incident.acknowledged.v1", of(id))).hasSize(1);
    }

    @Test
    void bad_input_is_a_problem_and_writes_nothing() throws Exception {
        var id = report(null);
        transition(id, "acknowledge", OTTO).andExpect(status().isOk());
        transition(id, "start", OTTO).andExpect(status().isOk());
        var before = footprint(id);

        var refused = List.of(
                transition(id, "hold", OTTO, "{}"),
                transition(id, "hold", OTTO, "{\"reason\":\"\"}"),
                transition(id, "hold", OTTO, "{\"reason\":\"waiting\",\"until\":\"tomorrow\"}"),
                transition(id, "hold", OTTO, "{\"reason\":\"" + "x".repeat(1001) + "\"}"),
                transition(id, "hold", OTTO, "{\"reason\":\"a\\u0000b\"}"),
                transition(id, "hold", OTTO, "not json"),
                note(id, OTTO, "x".repeat(4001)),
                note(id, OTTO, ""),
                mvc.perform(post("/api/v1/incidents/{id}/notes", id).with(OTTO).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":42}")),
                mvc.perform(post("/api/v1/incidents/{id}/notes", id).with(OTTO).contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                assign(id, OTTO, "{\"assignee\":\"Otto Smith\"}"),
                assign(id, OTTO, "{\"assignee\":\"otto\",\"team\":\"x\"}"),
                assign(id, OTTO, "{\"group\":\"" + "g".repeat(101) + "\"}"),
                priority(id, SAM, "{\"impact\":\"SEVERE\",\"urgency\":\"HIGH\",\"reason\":\"r\"}"),
                priority(id, SAM, "{\"impact\":\"HIGH\",\"urgency\":\"HIGH\"}"),
                priority(id, SAM, "{\"impact\":\"HIGH\",\"urgency\":\"HIGH\",\"reason\":\"\"}"),
                transition("not-a-uuid", "acknowledge", OTTO));
        for (var answer : refused) {
            answer.andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        }
        // blank is text, but no reason and no note: the domain refuses it
        transition(id, "hold", OTTO, "{\"reason\":\"   \"}").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("reason is blank")));
        note(id, OTTO, " \n ").andExpect(status().isUnprocessableContent());
        priority(id, SAM, "{\"impact\":\"LOW\",\"urgency\":\"LOW\",\"reason\":\" \"}")
                .andExpect(status().isUnprocessableContent());

        assertThat(footprint(id)).isEqualTo(before);
    }

    @Test
    void an_unknown_incident_is_404_for_every_operation() throws Exception {
        var unknown = UUID.randomUUID().toString();
        for (var action : List.of("acknowledge", "start", "resume", "resolve", "close")) {
            transition(unknown, action, SAM).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        transition(unknown, "hold", SAM, "{\"reason\":\"r\"}").andExpect(status().isNotFound());
        transition(unknown, "reopen", SAM, "{\"reason\":\"r\"}").andExpect(status().isNotFound());
        note(unknown, SAM, "n").andExpect(status().isNotFound());
        assign(unknown, SAM, "{\"assignee\":\"otto\"}").andExpect(status().isNotFound());
        priority(unknown, SAM, "{\"impact\":\"LOW\",\"urgency\":\"LOW\",\"reason\":\"r\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/{id}/timeline", unknown).with(SAM)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void each_operation_admits_its_roles_only_and_no_caller_without_a_token() throws Exception {
        var id = report(null);
        var before = footprint(id);
        var reason = "{\"reason\":\"r\"}";

        // on-call and the service desk work incidents; the others may read them, monitoring may not even that
        for (var who : List.of(ALICE, PIA, MONITORING, TestJwts.user("rhea", "release-manager"))) {
            for (var action : List.of("acknowledge", "start", "resume", "resolve", "close")) {
                transition(id, action, who).andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            }
            transition(id, "hold", who, reason).andExpect(status().isForbidden());
            transition(id, "reopen", who, reason).andExpect(status().isForbidden());
            note(id, who, "n").andExpect(status().isForbidden());
            assign(id, who, "{\"assignee\":\"otto\"}").andExpect(status().isForbidden());
            priority(id, who, "{\"impact\":\"LOW\",\"urgency\":\"LOW\",\"reason\":\"r\"}")
                    .andExpect(status().isForbidden());
        }
        // closing, reopening and the priority are the service desk's
        transition(id, "close", OTTO).andExpect(status().isForbidden());
        transition(id, "reopen", OTTO, reason).andExpect(status().isForbidden());
        priority(id, OTTO, "{\"impact\":\"LOW\",\"urgency\":\"LOW\",\"reason\":\"r\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents/{id}/timeline", id).with(MONITORING)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents/{id}", id).with(MONITORING)).andExpect(status().isForbidden());

        for (var action : List.of("acknowledge", "start", "resume", "resolve", "close")) {
            mvc.perform(post("/api/v1/incidents/{id}/" + action, id)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        mvc.perform(post("/api/v1/incidents/{id}/hold", id).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/incidents/{id}/reopen", id).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/incidents/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"n\"}")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/incidents/{id}/assignment", id).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/incidents/{id}/priority", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"impact\":\"LOW\",\"urgency\":\"LOW\",\"reason\":\"r\"}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/incidents/{id}/timeline", id)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(footprint(id)).isEqualTo(before);

        // what on-call may do, it does; every reader reads the timeline
        transition(id, "acknowledge", OTTO).andExpect(status().isOk());
        note(id, OTTO, "on it").andExpect(status().isCreated());
        for (var reader : List.of(SAM, OTTO, ALICE, PIA, TestJwts.user("rhea", "release-manager"))) {
            mvc.perform(get("/api/v1/incidents/{id}/timeline", id).with(reader)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/incidents/{id}", id).with(reader)).andExpect(status().isOk());
        }
    }

    @Test
    void an_assignment_is_replaced_or_removed_and_the_same_again_adds_no_line() throws Exception {
        var id = report(null);

        assign(id, SAM, "{\"group\":\"payments-oncall\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.assignmentGroup").value("payments-oncall"));
        assign(id, SAM, "{\"group\":\"payments-oncall\"}").andExpect(status().isOk());
        assign(id, OTTO, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.assignmentGroup").value(Matchers.nullValue()));

        assertThat(timeline(id, SAM)).filteredOn(e -> e.get("kind").asString().equals("ASSIGNMENT"))
                .extracting(e -> e.get("actor").asString() + ": " + e.get("text").asString())
                .containsExactly("sam: assigned to group payments-oncall", "otto: unassigned");
    }

    @Test
    void a_resolved_incident_closes_by_itself_when_its_reopen_period_is_over() throws Exception {
        var fingerprint = "fp-" + UUID.randomUUID();
        var events = new UpstreamEvents(probe, jdbc);
        var startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(9));
        events.fired(fingerprint, service, "critical", startsAt);
        var id = probe.await("incident.opened.v1", of(service)).data().get("incidentId").asString();

        // resolved eight days ago: past the default reopen period (7d)
        events.resolved(fingerprint, service, startsAt, startsAt.plus(Duration.ofDays(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(incident(id).get("state").asString()));
        var closed = incident(id);
        assertThat(closed.get("closedBy").asString()).isEqualTo("passerelle");
        assertThat(closed.get("timeToRestoreSeconds").asLong()).isEqualTo(Duration.ofDays(1).toSeconds());
        assertThat(timeline(id, SAM).getLast().get("text").asString()).isEqualTo("closed: its reopen period is over");
        transition(id, "reopen", SAM, "{\"reason\":\"again\"}").andExpect(status().isConflict());
    }

    // ---- helpers

    private java.util.function.Predicate<JsonNode> of(String idOrService) {
        return data -> idOrService.equals(data.path("incidentId").asString())
                || idOrService.equals(data.path("service").asString());
    }

    private String report(Instant startedAt) throws Exception {
        var body = startedAt == null
                ? "{\"service\":\"%s\",\"environment\":\"production\",\"title\":\"Payments fail\",\"impact\":\"HIGH\",\"urgency\":\"HIGH\"}"
                        .formatted(service)
                : ("{\"service\":\"%s\",\"environment\":\"production\",\"title\":\"Payments fail\",\"impact\":\"HIGH\","
                        + "\"urgency\":\"HIGH\",\"startedAt\":\"%s\"}").formatted(service, startedAt);
        var response = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("NEW"))
                .andExpect(jsonPath("$.attributed").value(true))
                .andReturn().getResponse();
        return json.readTree(response.getContentAsString()).get("id").asString();
    }

    private ResultActions transition(String id, String action, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/incidents/{id}/" + action, id).with(who));
    }

    private ResultActions transition(String id, String action, RequestPostProcessor who, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/incidents/{id}/" + action, id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions note(String id, RequestPostProcessor who, String text) throws Exception {
        return mvc.perform(post("/api/v1/incidents/{id}/notes", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("text", text))));
    }

    private ResultActions assign(String id, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(put("/api/v1/incidents/{id}/assignment", id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions priority(String id, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(put("/api/v1/incidents/{id}/priority", id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<JsonNode> timeline(String id, RequestPostProcessor who) throws Exception {
        var body = mvc.perform(get("/api/v1/incidents/{id}/timeline", id).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var entries = new java.util.ArrayList<JsonNode>();
        json.readTree(body).forEach(entries::add);
        return entries;
    }

    private JsonNode incident(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/incidents/{id}", id).with(SAM)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** What a refused request must leave as it was: the incident's row, its timeline, the outbox. */
    private String footprint(String id) {
        var uuid = UUID.fromString(id);
        return jdbc.sql("select row_to_json(i)::text from incident i where id = :id").param("id", uuid)
                .query(String.class).single()
                + " | " + jdbc.sql("select count(*) from timeline_entry where incident_id = :id").param("id", uuid)
                        .query(Integer.class).single()
                + " | " + jdbc.sql("select count(*) from outbox_event where payload -> 'data' ->> 'incidentId' = :id")
                        .param("id", id).query(Integer.class).single();
    }
}
