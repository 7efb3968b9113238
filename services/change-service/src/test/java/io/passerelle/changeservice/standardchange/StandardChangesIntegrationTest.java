package io.passerelle.changeservice.standardchange;

import static io.passerelle.changeservice.Catalogued.expectProblem;
import static io.passerelle.platform.test.EventContracts.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.changeservice.Catalogued;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Standard-change templates on real PostgreSQL and RabbitMQ: defined, versioned and retired through HTTP, published
 * through the outbox, matched with the live risk. Every test has its own service and environment names, and every
 * template it defines names them, so templates of other tests never match here.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class StandardChangesIntegrationTest {

    private static final String PATH = "/api/v1/standard-changes";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired StandardChanges standardChanges;
    @Autowired RiskAssessor risk;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "svc-" + suffix;
    private final String production = "prod-" + suffix;
    private final String staging = "stg-" + suffix;

    @Test
    void a_template_is_defined_as_version_1_redefined_as_version_2_and_retired_each_published() throws Exception {
        registerService();

        var body = define(definition("Low-risk deploys " + suffix, 40))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.services[0]").value(service))
                .andExpect(jsonPath("$.environments.length()").value(2))
                .andExpect(jsonPath("$.allowedHours.days.length()").value(5))
                .andExpect(jsonPath("$.definedBy").value("alice"))
                .andExpect(jsonPath("$.retiredAt").doesNotExist())
                .andReturn().getResponse();
        String id = JsonPath.read(body.getContentAsString(), "$.id");
        assertThat(body.getHeader("Location")).isEqualTo(PATH + "/" + id);
        var defined = assertConforms(events.await("standard-change.defined.v1", about(id))).data();
        assertThat(defined.get("version").asInt()).isEqualTo(1);
        assertThat(defined.get("environments").toString()).isEqualTo("[\"%s\",\"%s\"]".formatted(production, staging));

        mvc.perform(put(PATH + "/{id}", id).with(user("bob", "change-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content(definition("Low-risk deploys " + suffix, 30)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.maxRiskScore").value(30))
                .andExpect(jsonPath("$.definedBy").value("bob"));
        assertConforms(events.await("standard-change.defined.v1", about(id).and(d -> d.get("version").asInt() == 2)));
        mvc.perform(get(PATH).with(user("ci", "pipeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].version".formatted(id)).value(2));
        mvc.perform(get(PATH + "/{id}", id).with(user("rhea", "release-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        mvc.perform(post(PATH + "/{id}/retire", id).with(user("alice", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.retiredBy").value("alice"))
                .andExpect(jsonPath("$.retiredAt").exists());
        var retired = assertConforms(events.await("standard-change.retired.v1", about(id))).data();
        assertThat(retired.get("version").asInt()).isEqualTo(2);

        expectProblem(mvc.perform(post(PATH + "/{id}/retire", id).with(user("bob", "change-manager"))), 409,
                "state-conflict");
        expectProblem(mvc.perform(put(PATH + "/{id}", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(definition("Again " + suffix, 30))), 409,
                "state-conflict");
        mvc.perform(get(PATH + "/{id}", id).with(user("carol", "cab-member")))
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(rows("standard_change_template", id)).isEqualTo(2);
        assertThat(rows("standard_change_retirement", id)).isEqualTo(1);
        assertThat(events.received("standard-change.retired.v1", about(id))).hasSize(1);
    }

    @Test
    void a_pipeline_change_matches_a_template_until_its_live_risk_or_the_templates_retirement_says_no()
            throws Exception {
        registerService();
        String id = JsonPath.read(define("""
                {"name":"Small %s","description":"small changes","services":["%s"],"environments":["%s"],
                 "maxRiskScore":20}""".formatted(suffix, service, production)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        var now = Instant.now();
        var assessment = risk.assess(service, production, now);
        assertThat(assessment.score()).isEqualTo(15);
        assertThat(standardChanges.match(new Candidate(service, production, true, assessment, now)))
                .isEqualTo(new Match.Matched(new TemplateRef(UUID.fromString(id), 1, "Small " + suffix)));
        assertThat(standardChanges.match(new Candidate(service, staging, true, assessment, now)).reasons())
                .containsExactly("no template for " + staging);

        recordFailedChange();
        var riskier = risk.assess(service, production);
        assertThat(riskier.score()).isEqualTo(42);
        assertThat(standardChanges.match(new Candidate(service, production, true, riskier,
                riskier.assessedAt())).reasons()).containsExactly("risk 42 > 20 (template 'Small " + suffix + "' v1)");

        mvc.perform(post(PATH + "/{id}/retire", id).with(user("alice", "change-manager"))).andExpect(status().isOk());
        assertThat(standardChanges.match(new Candidate(service, production, true, assessment, now))
                .reasons()).containsExactly("no template for " + production);
    }

    @Test
    void a_change_can_record_only_a_template_version_that_exists() throws Exception {
        registerService();
        String id = JsonPath.read(define(definition("Recorded " + suffix, 40)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        assertThat(insertChangeAuthorizedBy(UUID.fromString(id), 1)).isEqualTo(1);
        assertThatThrownBy(() -> insertChangeAuthorizedBy(UUID.fromString(id), 2))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void only_change_managers_write_templates_and_bad_or_unknown_definitions_are_refused_writing_nothing()
            throws Exception {
        registerService();
        var name = "Refused " + suffix;
        var valid = definition(name, 40);
        for (var body : List.of(
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":-1"),
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":101"),
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":\"40\""),
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":40.5"),
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":null"),
                valid.replace(",\"maxRiskScore\":40", ""),
                valid.replace("\"" + name + "\"", "\"\""),
                valid.replace("\"" + name + "\"", "\"   \""),
                valid.replace("\"" + name + "\"", "\"" + "n".repeat(201) + "\""),
                valid.replace("\"name\":\"" + name + "\",", ""),
                valid.replace("\"web front ends\"", "\"\""),
                valid.replace("\"web front ends\"", "\" \""),
                valid.replace("[\"" + service + "\"]", "[]"),
                valid.replace("[\"" + service + "\"]", "[\"Bad Name\"]"),
                valid.replace("[\"" + service + "\"]", "[\"%s\",\"%s\"]".formatted(service, service)),
                valid.replace("[\"" + service + "\"]", "[null]"),
                valid.replace("[\"" + service + "\"]", "\"" + service + "\""),
                valid.replace("[\"%s\",\"%s\"]".formatted(staging, production), "[]"),
                valid.replace("Europe/Paris", "Mars/Olympus_Mons"),
                valid.replace("Europe/Paris", "+01:00"),
                valid.replace("\"09:00\"", "\"18:00\""),
                valid.replace("\"09:00\"", "\"17:00\""),
                valid.replace("\"09:00\"", "\"9:00\""),
                valid.replace("\"17:00\"", "\"24:00\""),
                valid.replace("\"MONDAY\",", "\"TUESDAY\","),
                valid.replace("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]", "[]"),
                valid.replace(",\"to\":\"17:00\"", ""),
                valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":40,\"requiresPipeline\":false"),
                "[]", "")) {
            expectProblem(define(body), 400, "invalid-request");
        }
        expectProblem(define(valid.replace("[\"" + service + "\"]", "[\"unknown-%s\"]".formatted(suffix))), 422,
                "rule-violated");
        expectProblem(define(valid.replace("\"" + staging + "\"", "\"moon-%s\"".formatted(suffix))), 422,
                "rule-violated");
        for (var role : List.of("cab-member", "release-manager", "pipeline", "service-desk", "emergency-approver")) {
            expectProblem(define(valid, user("x", role)), 403, "forbidden");
        }
        assertThat(jdbc.sql("select count(*) from standard_change_template where name = :n").param("n", name)
                .query(Integer.class).single()).as("nothing written").isZero();

        String id = JsonPath.read(define(definition("Kept " + suffix, 40)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        expectProblem(redefine(id, valid.replace("\"maxRiskScore\":40", "\"maxRiskScore\":101")), 400,
                "invalid-request");
        expectProblem(redefine(id, valid.replace("\"" + staging + "\"", "\"moon-%s\"".formatted(suffix))), 422,
                "rule-violated");
        for (var role : List.of("cab-member", "release-manager", "pipeline")) {
            expectProblem(mvc.perform(put(PATH + "/{id}", id).with(user("x", role))
                    .contentType(MediaType.APPLICATION_JSON).content(valid)), 403, "forbidden");
            expectProblem(mvc.perform(post(PATH + "/{id}/retire", id).with(user("x", role))), 403, "forbidden");
        }
        expectProblem(redefine(UUID.randomUUID().toString(), valid), 404, "not-found");
        expectProblem(mvc.perform(post(PATH + "/{id}/retire", UUID.randomUUID()).with(user("alice",
                "change-manager"))), 404, "not-found");
        expectProblem(mvc.perform(get(PATH + "/{id}", UUID.randomUUID()).with(user("ci", "pipeline"))), 404,
                "not-found");
        mvc.perform(get(PATH + "/{id}", "not-a-uuid").with(user("ci", "pipeline")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(rows("standard_change_template", id)).as("still version 1 only").isEqualTo(1);
        assertThat(rows("standard_change_retirement", id)).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where payload ->> 'subject' = :id").param("id", id)
                .query(Integer.class).single()).as("version 1 published, nothing else").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where payload -> 'data' ->> 'name' = :n")
                .param("n", name).query(Integer.class).single()).isZero();
    }

    @Test
    void roles_decide_who_reads_templates() throws Exception {
        for (var role : List.of("change-manager", "cab-member", "release-manager", "pipeline")) {
            mvc.perform(get(PATH).with(user("x", role))).andExpect(status().isOk());
        }
        for (var role : List.of("service-desk", "emergency-approver", "monitoring")) {
            expectProblem(mvc.perform(get(PATH).with(user("x", role))), 403, "forbidden");
            expectProblem(mvc.perform(get(PATH + "/{id}", UUID.randomUUID()).with(user("x", role))), 403, "forbidden");
        }
    }

    @Test
    void without_a_token_every_operation_is_unauthenticated() throws Exception {
        var id = UUID.randomUUID();
        for (var request : List.<MockHttpServletRequestBuilder>of(get(PATH), get(PATH + "/{id}", id),
                post(PATH).contentType(MediaType.APPLICATION_JSON).content(definition("x", 1)),
                put(PATH + "/{id}", id).contentType(MediaType.APPLICATION_JSON).content(definition("x", 1)),
                post(PATH + "/{id}/retire", id))) {
            expectProblem(mvc.perform(request), 401, "unauthenticated");
        }
    }

    // --- helpers

    private String definition(String name, int maxRisk) {
        return ("{\"name\":\"%s\",\"description\":\"web front ends\",\"services\":[\"%s\"],"
                + "\"environments\":[\"%s\",\"%s\"],\"maxRiskScore\":%d,\"allowedHours\":{\"days\":[\"MONDAY\","
                + "\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"from\":\"09:00\",\"to\":\"17:00\","
                + "\"zone\":\"Europe/Paris\"}}").formatted(name, service, staging, production, maxRisk);
    }

    private ResultActions define(String body) throws Exception {
        return define(body, user("alice", "change-manager"));
    }

    private ResultActions define(String body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post(PATH).with(token).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions redefine(String id, String body) throws Exception {
        return mvc.perform(put(PATH + "/{id}", id).with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private int rows(String table, String id) {
        var column = table.equals("standard_change_template") ? "id" : "template_id";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single();
    }

    /** A failed change of this test's service an hour ago, as the change feature stores it (V1 columns). */
    private void recordFailedChange() {
        jdbc.sql("""
                insert into change_request (id, type, state, service, environment, title, requested_by, raised_at,
                                            implementation_ended_at, outcome, version)
                values (:id, 'NORMAL', 'REVIEW', :service, :environment, 'history', 'alice', :raisedAt, :endedAt,
                        'FAILED', 0)""")
                .param("id", UUID.randomUUID()).param("service", service).param("environment", staging)
                .param("raisedAt", SqlTime.of(Instant.now().minus(Duration.ofDays(1))))
                .param("endedAt", SqlTime.of(Instant.now().minus(Duration.ofHours(1))))
                .update();
    }

    private int insertChangeAuthorizedBy(UUID template, int version) {
        return jdbc.sql("""
                insert into change_request (id, type, state, service, environment, title, requested_by, raised_at,
                                            version, standard_template_id, standard_template_version)
                values (:id, 'STANDARD', 'SCHEDULED', :service, :environment, 'standard', 'pipeline:octocat', now(),
                        0, :template, :version)""")
                .param("id", UUID.randomUUID()).param("service", service).param("environment", production)
                .param("template", template).param("version", version)
                .update();
    }

    private static java.util.function.Predicate<JsonNode> about(String templateId) {
        return data -> data.path("templateId").asString().equals(templateId);
    }

    private static RequestPostProcessor user(String name, String... roles) {
        return TestJwts.user(name, roles);
    }

    private void registerService() {
        Catalogued.register(events, jdbc, service, staging, production);
    }
}
