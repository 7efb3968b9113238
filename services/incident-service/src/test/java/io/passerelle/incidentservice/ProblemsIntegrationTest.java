package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.ProblemCalls.PIA;
import static io.passerelle.incidentservice.ProblemCalls.SAM;
import static io.passerelle.incidentservice.ProblemCalls.postJson;
import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Problems over HTTP: raised from incidents, taken through their lifecycle, linked both ways, and every refusal. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ProblemsIntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

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
    void a_problem_raised_from_incidents_lists_them_and_each_incident_shows_it_on_its_view_and_timeline()
            throws Exception {
        var first = calls.incident(service).get("id").asString();
        var second = calls.incident(service).get("id").asString();

        var response = mvc.perform(postJson("/api/v1/problems", calls.body(Map.of("title", "Pool exhausted",
                        "description", "checkout runs out of connections", "service", service,
                        "incidentIds", List.of(first, second)))).with(SAM))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("NEW"))
                .andExpect(jsonPath("$.raisedBy").value("sam"))
                .andExpect(jsonPath("$.service").value(service))
                .andExpect(jsonPath("$.incidents.length()").value(2))
                .andExpect(jsonPath("$.incidents[0].incidentId").value(first))
                .andExpect(jsonPath("$.incidents[0].linkedBy").value("sam"))
                .andExpect(jsonPath("$.incidents[1].incidentId").value(second))
                .andReturn().getResponse();
        var id = json.readTree(response.getContentAsString()).get("id").asString();
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/problems/" + id);

        var raised = EventContracts.assertConforms(probe.await("problem.raised.v1",
                data -> data.get("problemId").asString().equals(id))).data();
        assertThat(raised.get("incidentIds").values()).extracting(n -> n.asString()).containsExactly(first, second);
        assertThat(raised.get("raisedBy").asString()).isEqualTo("sam");

        var incident = calls.viewIncident(first);
        assertThat(incident.get("problems").size()).isEqualTo(1);
        assertThat(incident.get("problems").get(0).get("problemId").asString()).isEqualTo(id);
        assertThat(incident.get("problems").get(0).get("title").asString()).isEqualTo("Pool exhausted");
        assertThat(incident.get("problems").get(0).get("state").asString()).isEqualTo("NEW");
        assertThat(incident.get("knownErrors").size()).isZero();
        assertThat(calls.timeline(first)).endsWith("PROBLEM sam: linked to problem \"Pool exhausted\" (NEW) @" + id);

        // the list shows the problems of each incident too
        mvc.perform(get("/api/v1/incidents").param("service", service).with(PIA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems[0].problemId").value(id))
                .andExpect(jsonPath("$[1].problems[0].problemId").value(id));

        // unlinked: gone both ways, and said on the incident's timeline
        mvc.perform(delete("/api/v1/problems/{id}/incidents/{incidentId}", id, first).with(PIA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents.length()").value(1))
                .andExpect(jsonPath("$.incidents[0].incidentId").value(second));
        assertThat(calls.viewIncident(first).get("problems").size()).isZero();
        assertThat(calls.timeline(first)).endsWith("PROBLEM pia: unlinked from problem \"Pool exhausted\" @" + id);

        // and linked again
        mvc.perform(post("/api/v1/problems/{id}/incidents/{incidentId}", id, first).with(PIA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents[1].incidentId").value(first))
                .andExpect(jsonPath("$.incidents[1].linkedBy").value("pia"));
        assertThat(calls.viewIncident(first).get("problems").get(0).get("problemId").asString()).isEqualTo(id);
        assertThat(calls.problem(id).get("incidents").size()).isEqualTo(2);
    }

    @Test
    void a_problem_goes_from_new_to_closed_with_its_root_cause_workaround_match_and_fix() throws Exception {
        var id = calls.raise(Map.of("title", "Pool exhausted", "service", service)).get("id").asString();
        var fix = UUID.randomUUID().toString();

        refine(post("/api/v1/problems/{id}/investigate", id).with(PIA))
                .andExpect(jsonPath("$.state").value("UNDER_INVESTIGATION"))
                .andExpect(jsonPath("$.investigatedBy").value("pia"))
                .andExpect(jsonPath("$.investigatedAt").isNotEmpty());
        refine(postJson("/api/v1/problems/{id}/known-error", calls.body(Map.of("rootCause", "pool sized for 4 pods",
                "workaround", "restart the pods one at a time", "match", Map.of("service", service,
                        "alertName", "HighErrorRate", "labels", Map.of("team", "payments")))), id).with(SAM))
                .andExpect(jsonPath("$.state").value("KNOWN_ERROR"))
                .andExpect(jsonPath("$.rootCause").value("pool sized for 4 pods"))
                .andExpect(jsonPath("$.workaround").value("restart the pods one at a time"))
                .andExpect(jsonPath("$.match.service").value(service))
                .andExpect(jsonPath("$.match.alertName").value("HighErrorRate"))
                .andExpect(jsonPath("$.match.labels.team").value("payments"))
                .andExpect(jsonPath("$.knownErrorBy").value("sam"));
        var recorded = EventContracts.assertConforms(probe.await("problem.known-error-recorded.v1",
                data -> data.get("problemId").asString().equals(id))).data();
        assertThat(recorded.get("workaround").asString()).isEqualTo("restart the pods one at a time");
        assertThat(recorded.get("match").get("labels").get("team").asString()).isEqualTo("payments");

        refine(put("/api/v1/problems/{id}/fix", id).contentType(MediaType.APPLICATION_JSON)
                        .content(calls.body(Map.of("changeId", fix))).with(PIA))
                .andExpect(jsonPath("$.fixChangeId").value(fix))
                .andExpect(jsonPath("$.state").value("KNOWN_ERROR"));
        refine(postJson("/api/v1/problems/{id}/resolve", "{}", id).with(PIA))
                .andExpect(jsonPath("$.state").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value("pia"));
        var resolved = EventContracts.assertConforms(probe.await("problem.resolved.v1",
                data -> data.get("problemId").asString().equals(id))).data();
        assertThat(resolved.get("fixChangeId").asString()).isEqualTo(fix);
        assertThat(resolved.get("rootCause").asString()).isEqualTo("pool sized for 4 pods");

        refine(postJson("/api/v1/problems/{id}/close", "{}", id).with(PIA))
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.closedBy").value("pia"))
                .andExpect(jsonPath("$.duplicateOf").doesNotExist());
        var closed = EventContracts.assertConforms(probe.await("problem.closed.v1",
                data -> data.get("problemId").asString().equals(id))).data();
        assertThat(closed.has("duplicateOf")).isFalse();
        assertThat(jdbc.sql("select version from problem where id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single()).as("one store per step after the raise").isEqualTo(6);
    }

    @Test
    void optional_lists_and_maps_sent_as_null_are_none() throws Exception {
        var raised = calls.ok(postJson("/api/v1/problems", "{\"title\":\"t\",\"incidentIds\":null}").with(PIA), 201);
        assertThat(raised.get("incidents").size()).isZero();
        var id = raised.get("id").asString();
        calls.ok(post("/api/v1/problems/{id}/investigate", id).with(PIA), 200);
        var known = calls.ok(postJson("/api/v1/problems/{id}/known-error", """
                {"workaround":"w","match":{"service":"%s","labels":null}}""".formatted(service), id).with(PIA), 200);
        assertThat(known.get("match").get("labels").size()).isZero();
        assertThat(known.get("match").get("service").asString()).isEqualTo(service);
    }

    @Test
    void a_transition_its_state_does_not_allow_is_409_and_writes_nothing() throws Exception {
        var incident = calls.incident(service).get("id").asString();
        var id = calls.raise(Map.of("title", "Pool exhausted", "incidentIds", List.of(incident))).get("id")
                .asString();
        var before = calls.footprint();

        conflict(postJson("/api/v1/problems/{id}/known-error", calls.body(Map.of("workaround", "w", "match",
                Map.of("service", service))), id), "is NEW: it cannot become a known error");
        conflict(postJson("/api/v1/problems/{id}/resolve", calls.body(Map.of("rootCause", "c")), id),
                "is NEW: it cannot be resolved");
        conflict(postJson("/api/v1/problems/{id}/close", "{}", id), "is NEW: it cannot close unless it is resolved");
        conflict(post("/api/v1/problems/{id}/incidents/{incidentId}", id, incident),
                "is already linked to problem " + id);
        assertThat(calls.footprint()).isEqualTo(before);

        calls.ok(post("/api/v1/problems/{id}/investigate", id).with(PIA), 200);
        before = calls.footprint();
        conflict(post("/api/v1/problems/{id}/investigate", id), "is UNDER_INVESTIGATION: it cannot start");
        assertThat(calls.footprint()).isEqualTo(before);

        calls.ok(postJson("/api/v1/problems/{id}/resolve", calls.body(Map.of("rootCause", "c")), id).with(PIA), 200);
        calls.ok(postJson("/api/v1/problems/{id}/close", "{}", id).with(PIA), 200);
        before = calls.footprint();
        conflict(put("/api/v1/problems/{id}/fix", id).contentType(MediaType.APPLICATION_JSON)
                .content(calls.body(Map.of("changeId", UUID.randomUUID()))), "is CLOSED: it cannot take a fix");
        conflict(delete("/api/v1/problems/{id}/incidents/{incidentId}", id, incident),
                "is CLOSED: it cannot unlink an incident");
        conflict(postJson("/api/v1/problems/{id}/close", "{}", id), "is CLOSED");
        var other = calls.incident(service).get("id").asString();
        before = calls.footprint();
        conflict(post("/api/v1/problems/{id}/incidents/{incidentId}", id, other), "is CLOSED: it cannot link");
        assertThat(calls.footprint()).isEqualTo(before);

        var open = calls.raise(Map.of("title", "Another")).get("id").asString();
        before = calls.footprint();
        conflict(delete("/api/v1/problems/{id}/incidents/{incidentId}", open, incident),
                "incident " + incident + " is not linked to problem " + open);
        assertThat(calls.footprint()).isEqualTo(before);
    }

    @Test
    void a_rule_the_request_breaks_is_422_and_writes_nothing() throws Exception {
        var id = calls.raise(Map.of("title", "Pool exhausted")).get("id").asString();
        calls.ok(post("/api/v1/problems/{id}/investigate", id).with(PIA), 200);
        var before = calls.footprint();

        unprocessable(postJson("/api/v1/problems/{id}/known-error", calls.body(Map.of("rootCause", "  ", "match",
                Map.of("service", service))), id), "a known error needs a root cause or a workaround");
        unprocessable(postJson("/api/v1/problems/{id}/resolve", "{}", id), "root cause");
        unprocessable(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", id)), id),
                "cannot be a duplicate of itself");
        assertThat(calls.footprint()).isEqualTo(before);

        // a duplicate of a duplicate would make a chain: close it as a duplicate of the original instead
        var original = calls.raise(Map.of("title", "Original")).get("id").asString();
        var duplicate = calls.raise(Map.of("title", "Duplicate")).get("id").asString();
        calls.ok(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", original)), duplicate)
                .with(PIA), 200);
        assertThat(calls.problem(duplicate).get("duplicateOf").asString()).isEqualTo(original);
        var closed = EventContracts.assertConforms(probe.await("problem.closed.v1",
                data -> data.get("problemId").asString().equals(duplicate))).data();
        assertThat(closed.get("duplicateOf").asString()).isEqualTo(original);
        before = calls.footprint();
        unprocessable(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", duplicate)), id),
                "is itself a duplicate of " + original);
        assertThat(calls.footprint()).isEqualTo(before);

        calls.ok(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", original)), id).with(PIA),
                200);
        assertThat(calls.problem(id).get("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void invalid_input_is_400_and_writes_nothing() throws Exception {
        var incident = calls.incident(service).get("id").asString();
        var id = calls.raise(Map.of("title", "Pool exhausted")).get("id").asString();
        calls.ok(post("/api/v1/problems/{id}/investigate", id).with(PIA), 200);
        var before = calls.footprint();

        var raises = new String[] {
                "{}",
                "{\"title\":\"\"}",
                "{\"title\":\"" + "t".repeat(201) + "\"}",
                "{\"title\":\"t\",\"description\":\"" + "d".repeat(4001) + "\"}",
                "{\"title\":\"t\",\"owner\":\"someone\"}",
                "{\"title\":\"t\",\"service\":\"Not A Service\"}",
                "{\"title\":\"t\",\"incidentIds\":[\"not-a-uuid\"]}",
                "{\"title\":\"t\",\"incidentIds\":[\"" + incident + "\",\"" + incident + "\"]}",
                "{\"title\":\"t\",\"incidentIds\":[null]}",
                "{\"title\":\"a\\u0000b\"}",
                "{\"title\":\"   \"}",
                "{\"title\":42}" };
        for (var body : raises) {
            invalid(postJson("/api/v1/problems", body));
        }
        var many = new HashMap<String, String>();
        for (int i = 0; i < 21; i++) {
            many.put("label" + i, "v");
        }
        var recordings = List.<Object>of(
                Map.of("workaround", "w"),
                Map.of("workaround", "w", "match", Map.of()),
                Map.of("workaround", "w".repeat(4001), "match", Map.of("service", service)),
                Map.of("rootCause", "c".repeat(4001), "match", Map.of("service", service)),
                Map.of("workaround", "w", "match", Map.of("alertName", "a".repeat(201))),
                Map.of("workaround", "w", "match", Map.of("labels", many)),
                Map.of("workaround", "w", "match", Map.of("labels", Map.of("team", "v".repeat(1025)))),
                Map.of("workaround", "w", "match", Map.of("labels", Map.of("n".repeat(129), "v"))),
                Map.of("workaround", "w", "match", Map.of("service", service, "owner", "x")));
        for (var body : recordings) {
            invalid(postJson("/api/v1/problems/{id}/known-error", calls.body(body), id));
        }
        invalid(put("/api/v1/problems/{id}/fix", id).contentType(MediaType.APPLICATION_JSON).content("{}"));
        invalid(put("/api/v1/problems/{id}/fix", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"changeId\":\"CHG-1\"}"));
        invalid(postJson("/api/v1/problems/{id}/resolve", calls.body(Map.of("rootCause", "c".repeat(4001))), id));
        invalid(postJson("/api/v1/problems/{id}/close", "{\"duplicateOf\":\"x\"}", id));
        invalid(post("/api/v1/problems/{id}/investigate", "not-a-uuid"));
        invalid(post("/api/v1/problems/{id}/incidents/{incidentId}", id, "not-a-uuid"));
        for (var query : List.of("limit=0", "limit=501", "offset=-1", "state=OPEN", "service=Not%20A%20Service",
                "text=" + "x".repeat(201), "text=")) {
            invalid(get("/api/v1/problems?" + query));
        }
        assertThat(calls.footprint()).isEqualTo(before);
    }

    @Test
    void an_unknown_problem_or_incident_is_404_and_writes_nothing() throws Exception {
        var incident = calls.incident(service).get("id").asString();
        var id = calls.raise(Map.of("title", "Pool exhausted")).get("id").asString();
        var unknown = UUID.randomUUID().toString();
        var before = calls.footprint();

        notFound(postJson("/api/v1/problems", calls.body(Map.of("title", "t", "incidentIds", List.of(incident,
                unknown)))), "incident " + unknown);
        notFound(get("/api/v1/problems/{id}", unknown), "problem " + unknown);
        notFound(post("/api/v1/problems/{id}/investigate", unknown), "problem " + unknown);
        notFound(post("/api/v1/problems/{id}/incidents/{incidentId}", unknown, incident), "problem " + unknown);
        notFound(post("/api/v1/problems/{id}/incidents/{incidentId}", id, unknown), "incident " + unknown);
        notFound(delete("/api/v1/problems/{id}/incidents/{incidentId}", id, unknown), "incident " + unknown);
        notFound(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", unknown)), id),
                "problem " + unknown);
        assertThat(calls.footprint()).isEqualTo(before);
    }

    @Test
    void without_a_token_it_is_401_and_with_a_role_that_may_not_403_and_nothing_is_written() throws Exception {
        var incident = calls.incident(service).get("id").asString();
        var id = calls.raise(Map.of("title", "Pool exhausted")).get("id").asString();
        var raise = calls.body(Map.of("title", "t", "incidentIds", List.of(incident)));
        var before = calls.footprint();

        mvc.perform(postJson("/api/v1/problems", raise))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(get("/api/v1/problems"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(post("/api/v1/problems/{id}/incidents/{incidentId}", id, incident))
                .andExpect(status().isUnauthorized());
        for (var who : List.of(TestJwts.user("alice", "change-manager"), TestJwts.user("otto", "on-call"),
                TestJwts.user("rhea", "release-manager"), TestJwts.user("mon", "monitoring"))) {
            mvc.perform(postJson("/api/v1/problems", raise).with(who))
                    .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
            mvc.perform(post("/api/v1/problems/{id}/investigate", id).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/problems/{id}/incidents/{incidentId}", id, incident).with(who))
                    .andExpect(status().isForbidden());
            mvc.perform(postJson("/api/v1/problems/{id}/close", calls.body(Map.of("duplicateOf", UUID.randomUUID())),
                    id).with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/problems").with(TestJwts.user("mon", "monitoring"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/problems/{id}", id).with(TestJwts.user("ci", "pipeline")))
                .andExpect(status().isForbidden());
        assertThat(calls.footprint()).isEqualTo(before);

        // readers: on-call, change-manager and release-manager as well as the writers
        for (var reader : List.of(TestJwts.user("otto", "on-call"), TestJwts.user("alice", "change-manager"),
                TestJwts.user("rhea", "release-manager"), SAM, PIA)) {
            mvc.perform(get("/api/v1/problems/{id}", id).with(reader)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/problems").with(reader)).andExpect(status().isOk());
        }
        // the problem manager reads the incidents she links
        mvc.perform(get("/api/v1/incidents/{id}", incident).with(PIA)).andExpect(status().isOk());
    }

    @Test
    void problems_are_listed_by_state_service_and_text_a_page_at_a_time() throws Exception {
        var first = calls.raise(Map.of("title", "Pool exhausted at 100% load", "service", service)).get("id").asString();
        var second = calls.raise(Map.of("title", "Slow queries", "service", service, "description",
                "the ORDERS table has no index")).get("id").asString();
        var third = calls.raise(Map.of("title", "Certificate expired", "service", service)).get("id").asString();
        calls.raise(Map.of("title", "Slow queries elsewhere", "service", newService()));
        calls.ok(post("/api/v1/problems/{id}/investigate", second).with(PIA), 200);

        mvc.perform(get("/api/v1/problems").param("service", service).with(TestJwts.user("otto", "on-call")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].id").value(third))
                .andExpect(jsonPath("$[1].id").value(second))
                .andExpect(jsonPath("$[2].id").value(first));
        mvc.perform(get("/api/v1/problems").param("service", service).param("state", "UNDER_INVESTIGATION").with(SAM))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(second));
        mvc.perform(get("/api/v1/problems").param("service", service).param("text", "orders").with(SAM))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(second));
        mvc.perform(get("/api/v1/problems").param("service", service).param("text", "100%").with(SAM))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(first));
        mvc.perform(get("/api/v1/problems").param("service", service).param("text", "_").with(SAM))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/problems").param("service", service).param("limit", "2").with(SAM))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(third))
                .andExpect(jsonPath("$[1].id").value(second));
        mvc.perform(get("/api/v1/problems").param("service", service).param("limit", "2").param("offset", "2")
                        .with(SAM))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(first));
    }

    private ResultActions refine(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk());
    }

    private void conflict(MockHttpServletRequestBuilder request, String detail) throws Exception {
        mvc.perform(request.with(PIA))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private void unprocessable(MockHttpServletRequestBuilder request, String detail) throws Exception {
        mvc.perform(request.with(PIA))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/rule-violated"))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private void notFound(MockHttpServletRequestBuilder request, String detail) throws Exception {
        mvc.perform(request.with(PIA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private void invalid(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(PIA))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.matchesPattern("(?s).*(java\\.|Exception|[a-z]\\$[A-Z]).*"))));
    }
}
