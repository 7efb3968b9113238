package io.passerelle.incidentservice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.test.TestJwts;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls the problem tests make over HTTP that are expected to succeed, and what they count in the database. */
final class ProblemCalls {

    static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");
    static final RequestPostProcessor PIA = TestJwts.user("pia", "problem-manager");

    private final MockMvc mvc;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    ProblemCalls(MockMvc mvc, JsonMapper json, JdbcClient jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
    }

    String body(Object value) {
        return json.writeValueAsString(value);
    }

    /** A POST with a JSON body. */
    static MockHttpServletRequestBuilder postJson(String path, String body, Object... vars) {
        return post(path, vars).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode incident(String service) throws Exception {
        return ok(postJson("/api/v1/incidents", body(Map.of("service", service, "environment", "production", "title",
                "Checkout fails", "impact", "MEDIUM", "urgency", "MEDIUM"))).with(SAM), 201);
    }

    JsonNode viewIncident(String id) throws Exception {
        return ok(get("/api/v1/incidents/{id}", id).with(SAM), 200);
    }

    JsonNode raise(Map<String, Object> problem) throws Exception {
        return ok(postJson("/api/v1/problems", body(problem)).with(PIA), 201);
    }

    JsonNode problem(String id) throws Exception {
        return ok(get("/api/v1/problems/{id}", id).with(PIA), 200);
    }

    /** Raises a problem of the service, investigates it and records it as a known error with that match. */
    JsonNode knownError(String service, String title, Map<String, Object> match) throws Exception {
        var id = raise(Map.of("title", title, "service", service)).get("id").asString();
        ok(post("/api/v1/problems/{id}/investigate", id).with(PIA), 200);
        return ok(postJson("/api/v1/problems/{id}/known-error", body(Map.of("rootCause", "the pool is too small",
                "workaround", "restart the pods of " + service, "match", match)), id).with(PIA), 200);
    }

    JsonNode ok(MockHttpServletRequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse();
        return json.readTree(response.getContentAsString());
    }

    /** What a refused call must leave as it found it: problems, links, timeline lines and events. */
    Map<String, Integer> footprint() {
        return Map.of(
                "problem", count("select count(*) + coalesce(sum(version), 0) from problem"),
                "problem_incident", count("select count(*) from problem_incident"),
                "timeline_entry", count("select count(*) from timeline_entry"),
                "incident_known_error", count("select count(*) from incident_known_error"),
                "outbox_event", count("select count(*) from outbox_event"));
    }

    List<String> timeline(String incidentId) {
        return jdbc.sql("select kind || ' ' || actor || ': ' || text || coalesce(' @' || ref, '') from timeline_entry"
                        + " where incident_id = :id order by at, seq")
                .param("id", UUID.fromString(incidentId)).query(String.class).list();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
