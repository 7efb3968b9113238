package io.passerelle.changeservice.risk;

import static io.passerelle.changeservice.Catalogued.expectProblem;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.changeservice.Catalogued;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live risk on real PostgreSQL and RabbitMQ: history read from change_request, incidents from the bus into the
 * projection, environment profiles through HTTP. Every test has its own service and environment names, so tests do
 * not see each other's history, incidents or profiles.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class RiskIntegrationTest {


    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "svc-" + suffix;
    private final String production = "prod-" + suffix;
    private final String staging = "stg-" + suffix;

    @Test
    void a_service_without_history_scores_its_staleness_and_the_medium_criticality_of_an_undeclared_environment()
            throws Exception {
        registerService();

        assess().andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(15))
                .andExpect(jsonPath("$.assessedAt").exists())
                .andExpect(jsonPath("$.factors.length()").value(6))
                .andExpect(jsonPath("$.factors[*].weight").value(org.hamcrest.Matchers.contains(20, 20, 25, 15, 10, 10)))
                .andExpect(factor("environment-criticality", "value", 0.333))
                .andExpect(factor("environment-criticality", "explanation", production + " has no profile: MEDIUM by default"))
                .andExpect(factor("outside-business-hours", "explanation", "no business hours declared for " + production))
                .andExpect(factor("time-since-last-success", "contribution", 10.0));
    }

    @Test
    void the_risk_rises_after_a_failed_change_of_the_service() throws Exception {
        registerService();
        recordChange("CLOSED", "SUCCESSFUL", production, Instant.now().minus(Duration.ofDays(3)));
        recordChange("REJECTED", null, production, null);
        recordChange("PENDING_APPROVAL", null, staging, null);

        assess().andExpect(jsonPath("$.score").value(5))
                .andExpect(factor("change-failure-rate", "explanation",
                        "0 of 1 changes of " + service + " failed in the last 30 days (0%; 40% or more saturates)"))
                .andExpect(factor("time-since-last-success", "value", 0.033));

        recordChange("REVIEW", "FAILED", staging, Instant.now().minus(Duration.ofHours(1)));

        assess().andExpect(jsonPath("$.score").value(32))
                .andExpect(factor("change-failure-rate", "value", 1.0))
                .andExpect(factor("change-failure-rate", "contribution", 20.0))
                .andExpect(factor("recent-failures", "value", 0.333))
                .andExpect(factor("recent-failures", "explanation",
                        "1 change of " + service + " failed in the last 7 days (3 or more saturate)"))
                .andExpect(factor("time-since-last-success", "value", 0.033));
    }

    @Test
    void an_open_p1_incident_raises_the_risk_a_redelivery_changes_nothing_and_its_resolution_lowers_it_again()
            throws Exception {
        registerService();
        var incidentId = UUID.randomUUID();

        var opened = events.publish("incident.opened.v1", incidentId.toString(), opened(incidentId, "P1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 1);
        assess().andExpect(jsonPath("$.score").value(40))
                .andExpect(factor("open-incidents", "value", 1.0))
                .andExpect(factor("open-incidents", "explanation",
                        "open on " + service + " in " + production + ": 1 P1, 0 P2 (one P1 or two P2 saturate)"));

        events.publish(opened); // the same CloudEvent delivered again
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(opened) && deliveries(opened) == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(jdbc.sql("select count(*) from incident_projection where incident_id = :id").param("id", incidentId)
                .query(Integer.class).single()).isEqualTo(1);

        events.publish("incident.resolved.v1", incidentId.toString(), Map.of("incidentId", incidentId.toString(),
                "service", service, "environment", production, "resolvedAt", Instant.now().toString(),
                "timeToRestoreSeconds", 600));
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 0);
        assess().andExpect(jsonPath("$.score").value(15))
                .andExpect(factor("open-incidents", "value", 0.0));
    }

    @Test
    void a_p2_counts_half_and_lower_priorities_or_other_environments_not_at_all() throws Exception {
        registerService();
        events.publish("incident.opened.v1", "p2", opened(UUID.randomUUID(), "P2"));
        events.publish("incident.opened.v1", "p3", opened(UUID.randomUUID(), "P3"));
        var p1 = events.publish("incident.opened.v1", "p1", opened(UUID.randomUUID(), "P1")).data();
        var onStaging = opened(UUID.randomUUID(), "P1");
        onStaging.put("environment", staging);
        events.publish("incident.opened.v1", "staging", onStaging);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from incident_projection where service = :s").param("s", service)
                .query(Integer.class).single() == 4);
        assess().andExpect(factor("open-incidents", "value", 1.0)); // the P1 in production saturates
        events.publish("incident.resolved.v1", "p1", Map.of("incidentId", p1.get("incidentId").asString(),
                "service", service, "environment", production, "resolvedAt", Instant.now().toString(),
                "timeToRestoreSeconds", 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 2);
        assess().andExpect(factor("open-incidents", "value", 0.5))
                .andExpect(factor("open-incidents", "contribution", 12.5));
    }

    @Test
    void a_resolution_that_arrives_before_its_opening_leaves_the_incident_resolved() {
        registerService();
        var incidentId = UUID.randomUUID();

        events.publish("incident.resolved.v1", incidentId.toString(), Map.of("incidentId", incidentId.toString(),
                "service", service, "environment", production, "resolvedAt", Instant.now().toString(),
                "timeToRestoreSeconds", 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from incident_projection where incident_id = :id and resolved_at is not null")
                .param("id", incidentId).query(Integer.class).single() == 1);
        events.publish("incident.opened.v1", incidentId.toString(), opened(incidentId, "P1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from incident_projection where incident_id = :id and priority = 'P1'")
                .param("id", incidentId).query(Integer.class).single() == 1);
        assertThat(openIncidents()).isZero();
    }

    @Test
    void a_reopened_incident_counts_again_until_it_is_resolved_again_and_a_redelivery_changes_nothing()
            throws Exception {
        // whole microseconds, as PostgreSQL keeps them: it rounds a finer instant, which truncating may not match
        var resolvedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).minus(Duration.ofMinutes(30));
        var incidentId = openedAndResolved(resolvedAt);

        var reopened = events.publish("incident.reopened.v1", incidentId.toString(),
                reopened(incidentId, resolvedAt, resolvedAt.plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 1);
        assess().andExpect(factor("open-incidents", "value", 1.0));

        var again = resolvedAt.plus(Duration.ofMinutes(20));
        events.publish("incident.resolved.v1", incidentId.toString(), resolved(incidentId, again));
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 0);
        events.publish(reopened); // the reopening delivered again, after the later resolution: nothing
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(reopened) && deliveries(reopened) == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(openIncidents()).isZero();
        assertThat(jdbc.sql("select resolved_at from incident_projection where incident_id = :id")
                .param("id", incidentId).query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(again);
    }

    @Test
    void a_reopening_older_than_the_recorded_resolution_leaves_the_incident_resolved() {
        var resolvedAt = Instant.now().minus(Duration.ofMinutes(5));
        var incidentId = openedAndResolved(resolvedAt);

        var late = events.publish("incident.reopened.v1", incidentId.toString(),
                reopened(incidentId, resolvedAt.minus(Duration.ofMinutes(20)), resolvedAt.minus(Duration.ofMinutes(10))));

        await().atMost(Duration.ofSeconds(10)).until(() -> processed(late));
        assertThat(openIncidents()).isZero();
        assertThat(resolvedIncidents()).isEqualTo(1);
    }

    @Test
    void an_unattributed_incident_concerns_no_service_and_is_not_projected() {
        var incidentId = UUID.randomUUID();
        var all = java.util.stream.Stream.of("incident.opened.v1", "incident.resolved.v1", "incident.reopened.v1")
                .map(type -> {
                    // what an alert that named no Passerelle service and environment gives: neither, attributed false
                    var data = (ObjectNode) recorded(type);
                    data.put("incidentId", incidentId.toString()).put("attributed", false).remove("service");
                    data.remove("environment");
                    if (data.has("suspects")) {
                        data.putArray("suspects");
                    }
                    return events.publish(type, incidentId.toString(), data);
                }).toList();

        await().atMost(Duration.ofSeconds(10)).until(() -> all.stream().allMatch(this::processed));
        assertThat(jdbc.sql("select count(*) from incident_projection where incident_id = :id").param("id", incidentId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_recorded_incident_events_open_and_resolve_an_incident_in_the_projection() {
        var openedExample = (ObjectNode) recorded("incident.opened.v1");
        var incidentId = UUID.randomUUID().toString();
        openedExample.put("incidentId", incidentId).put("service", service).put("environment", production);
        events.publish("incident.opened.v1", incidentId, openedExample);
        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 1);

        var resolvedExample = (ObjectNode) recorded("incident.resolved.v1");
        resolvedExample.put("incidentId", incidentId).put("service", service).put("environment", production);
        events.publish("incident.resolved.v1", incidentId, resolvedExample);

        await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents() == 0);
        assertThat(jdbc.sql("select priority || ' ' || opened_at::text || ' ' || resolved_at::text"
                        + " from incident_projection where incident_id = :id")
                .param("id", UUID.fromString(incidentId)).query(String.class).single())
                .startsWith(openedExample.get("priority").asString() + " 2026-03-10");
    }

    @Test
    void a_declared_profile_sets_the_criticality_and_business_hours_the_risk_reads() throws Exception {
        registerService();
        var otherDay = Instant.now().atOffset(ZoneOffset.UTC).getDayOfWeek().plus(2);

        defineProfile(production, """
                {"criticality":"CRITICAL","businessHours":{"days":["%s"],"from":"09:00","to":"17:00","zone":"UTC"}}"""
                .formatted(otherDay))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environment").value(production))
                .andExpect(jsonPath("$.criticality").value("CRITICAL"))
                .andExpect(jsonPath("$.businessHours.days[0]").value(otherDay.name()))
                .andExpect(jsonPath("$.businessHours.zone").value("UTC"))
                .andExpect(jsonPath("$.definedBy").value("alice"))
                .andExpect(jsonPath("$.definedAt").exists());

        assess().andExpect(jsonPath("$.score").value(35))
                .andExpect(factor("environment-criticality", "explanation", production + " is CRITICAL"))
                .andExpect(factor("outside-business-hours", "value", 1.0));
        mvc.perform(get("/api/v1/environment-profiles").with(user("carol", "cab-member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.environment == '%s')].criticality".formatted(production)).value("CRITICAL"));

        defineProfile(production, "{\"criticality\":\"LOW\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.businessHours").doesNotExist());
        assess().andExpect(jsonPath("$.score").value(10));
    }

    @Test
    void only_change_managers_declare_profiles_and_bad_or_unknown_ones_are_refused_writing_nothing() throws Exception {
        registerService();
        var valid = "{\"criticality\":\"HIGH\",\"businessHours\":{\"days\":[\"MONDAY\",\"FRIDAY\"],"
                + "\"from\":\"09:00\",\"to\":\"17:00\",\"zone\":\"Europe/Paris\"}}";
        for (var body : List.of(
                valid.replace("HIGH", "EXTREME"),
                valid.replace("\"HIGH\"", "1"),
                valid.replace("\"criticality\":\"HIGH\",", ""),
                valid.replace("Europe/Paris", "Mars/Olympus_Mons"),
                valid.replace("Europe/Paris", "+02:00"),
                valid.replace("Europe/Paris", ""),
                valid.replace("\"09:00\"", "\"18:00\""),
                valid.replace("\"09:00\"", "\"17:00\""),
                valid.replace("\"09:00\"", "\"9:00\""),
                valid.replace("\"17:00\"", "\"24:00\""),
                valid.replace("[\"MONDAY\",\"FRIDAY\"]", "[]"),
                valid.replace("[\"MONDAY\",\"FRIDAY\"]", "[\"MONDAY\",\"MONDAY\"]"),
                valid.replace("[\"MONDAY\",\"FRIDAY\"]", "[\"FUNDAY\"]"),
                valid.replace(",\"zone\":\"Europe/Paris\"", ""),
                valid.replace("}}", "},\"risk\":3}"),
                "[]", "")) {
            expectProblem(defineProfile(production, body), 400, "invalid-request");
        }
        expectProblem(defineProfile("Prod!", valid), 400, "invalid-request");
        expectProblem(defineProfile("moon-" + suffix, valid), 422, "rule-violated");
        for (var role : List.of("cab-member", "release-manager", "pipeline", "service-desk", "emergency-approver")) {
            expectProblem(mvc.perform(put("/api/v1/environment-profiles/{e}", production).with(user("x", role))
                    .contentType(MediaType.APPLICATION_JSON).content(valid)), 403, "forbidden");
        }

        assertThat(jdbc.sql("select count(*) from environment_profile where environment in (:p, :m)")
                .param("p", production).param("m", "moon-" + suffix).query(Integer.class).single())
                .as("nothing written").isZero();
        defineProfile(production, valid).andExpect(status().isOk());
    }

    @Test
    void roles_decide_who_reads_risk_and_profiles() throws Exception {
        registerService();
        for (var role : List.of("change-manager", "cab-member", "release-manager", "pipeline")) {
            assess(user("x", role)).andExpect(status().isOk());
        }
        for (var role : List.of("service-desk", "emergency-approver", "monitoring", "operator")) {
            expectProblem(assess(user("x", role)), 403, "forbidden");
        }
        for (var role : List.of("change-manager", "cab-member", "release-manager")) {
            mvc.perform(get("/api/v1/environment-profiles").with(user("x", role))).andExpect(status().isOk());
        }
        for (var role : List.of("pipeline", "service-desk", "emergency-approver", "monitoring")) {
            expectProblem(mvc.perform(get("/api/v1/environment-profiles").with(user("x", role))), 403, "forbidden");
        }
    }

    @Test
    void without_a_token_risk_and_profiles_are_unauthenticated() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/risk").param("service", "a").param("environment", "b")), 401,
                "unauthenticated");
        expectProblem(mvc.perform(get("/api/v1/environment-profiles")), 401, "unauthenticated");
        expectProblem(mvc.perform(put("/api/v1/environment-profiles/{e}", "production")
                .contentType(MediaType.APPLICATION_JSON).content("{\"criticality\":\"LOW\"}")), 401, "unauthenticated");
    }

    @Test
    void the_risk_of_an_environment_the_catalog_does_not_know_is_not_found_and_bad_parameters_are_refused()
            throws Exception {
        registerService();
        expectProblem(mvc.perform(get("/api/v1/risk").param("service", service).param("environment", "moon")
                .with(user("ci", "pipeline"))), 404, "not-found");
        expectProblem(mvc.perform(get("/api/v1/risk").param("service", "unknown-" + suffix)
                .param("environment", production).with(user("ci", "pipeline"))), 404, "not-found");
        for (var query : List.of(Map.of("service", service), Map.of("environment", production),
                Map.of("service", "Not A Name", "environment", production))) {
            var request = get("/api/v1/risk").with(user("ci", "pipeline"));
            query.forEach(request::param);
            mvc.perform(request).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    // --- helpers

    private ResultActions assess() throws Exception {
        return assess(user("rhea", "release-manager"));
    }

    private ResultActions assess(RequestPostProcessor token) throws Exception {
        return mvc.perform(get("/api/v1/risk").param("service", service).param("environment", production).with(token));
    }

    private static org.springframework.test.web.servlet.ResultMatcher factor(String name, String field,
            Object expected) {
        return jsonPath("$.factors[?(@.name == '%s')].%s".formatted(name, field)).value(expected);
    }

    private ResultActions defineProfile(String environment, String body) throws Exception {
        return mvc.perform(put("/api/v1/environment-profiles/{e}", environment).with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * A change of this test's service as the change feature stores it: in that state and, when its implementation
     * ended (at {@code endedAt}), with that outcome.
     */
    private void recordChange(String state, String outcome, String environment, Instant endedAt) {
        jdbc.sql("""
                insert into change_request (id, type, state, service, environment, title, requested_by, raised_at,
                                            implementation_ended_at, outcome, version)
                values (:id, 'NORMAL', :state, :service, :environment, 'history', 'alice', :raisedAt, :endedAt,
                        :outcome, 0)""")
                .param("id", UUID.randomUUID()).param("state", state).param("service", service)
                .param("environment", environment)
                .param("raisedAt", SqlTime.of(Instant.now().minus(Duration.ofDays(10))))
                .param("endedAt", SqlTime.ofNullable(endedAt)).param("outcome", outcome)
                .update();
    }

    private ObjectNode opened(UUID incidentId, String priority) {
        var data = (ObjectNode) recorded("incident.opened.v1");
        data.put("incidentId", incidentId.toString()).put("service", service).put("environment", production)
                .put("priority", priority).put("openedAt", Instant.now().toString());
        return data;
    }

    /** A P1 of the test's service in production, opened and resolved at {@code resolvedAt}, as projected. */
    private UUID openedAndResolved(Instant resolvedAt) {
        registerService();
        var incidentId = UUID.randomUUID();
        events.publish("incident.opened.v1", incidentId.toString(), opened(incidentId, "P1"));
        events.publish("incident.resolved.v1", incidentId.toString(), resolved(incidentId, resolvedAt));
        await().atMost(Duration.ofSeconds(10)).until(() -> resolvedIncidents() == 1);
        return incidentId;
    }

    private Map<String, Object> resolved(UUID incidentId, Instant resolvedAt) {
        return Map.of("incidentId", incidentId.toString(), "service", service, "environment", production,
                "attributed", true, "resolvedAt", resolvedAt.toString(), "timeToRestoreSeconds", 60);
    }

    private ObjectNode reopened(UUID incidentId, Instant resolvedAt, Instant reopenedAt) {
        var data = (ObjectNode) recorded("incident.reopened.v1");
        data.put("incidentId", incidentId.toString()).put("service", service).put("environment", production)
                .put("resolvedAt", resolvedAt.toString()).put("reopenedAt", reopenedAt.toString());
        return data;
    }

    private int resolvedIncidents() {
        return jdbc.sql("select count(*) from incident_projection where service = :s and environment = :e"
                        + " and resolved_at is not null")
                .param("s", service).param("e", production).query(Integer.class).single();
    }

    private int openIncidents() {
        return jdbc.sql("select count(*) from incident_projection where service = :s and environment = :e"
                        + " and resolved_at is null and priority is not null")
                .param("s", service).param("e", production).query(Integer.class).single();
    }

    private boolean processed(CloudEvent event) {
        return jdbc.sql("select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1;
    }

    private long deliveries(CloudEvent event) {
        return events.received().stream().filter(e -> e.id().equals(event.id())).count();
    }

    private static RequestPostProcessor user(String name, String... roles) {
        return TestJwts.user(name, roles);
    }

    private void registerService() {
        Catalogued.register(events, jdbc, service, staging, production);
    }
}
