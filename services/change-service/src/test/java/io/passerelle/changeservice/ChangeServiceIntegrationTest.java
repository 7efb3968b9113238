package io.passerelle.changeservice;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.changeservice.change.ApprovalPolicy;
import io.passerelle.changeservice.change.Approver;
import io.passerelle.changeservice.change.AuditEntry;
import io.passerelle.changeservice.change.ChangeOutcome;
import io.passerelle.changeservice.change.ChangeType;
import io.passerelle.changeservice.change.ChangeState;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.flywaydb.core.Flyway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import static io.passerelle.changeservice.Catalogued.environment;
import static io.passerelle.changeservice.Catalogued.expectProblem;
import static io.passerelle.platform.test.EventContracts.assertConforms;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The change service on real PostgreSQL and RabbitMQ: events in through the bus, commands and queries through
 * HTTP, events out through the outbox, each checked against its schema. Every test uses its own service name, so
 * tests (and other services' tests on the same broker) do not see each other's changes.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ChangeServiceIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired Changes changes;
    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;
    @Autowired MeterRegistry meters;

    private final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_planned_deployment_without_approval_raises_a_standard_change_authorized_at_once() throws Exception {
        var deploymentId = planDeployment("staging", false);

        var raised = assertConforms(events.await("change.raised.v1", about(deploymentId)));
        var authorized = assertConforms(events.await("change.authorized.v1", about(deploymentId)));

        assertThat(raised.data().get("type").asString()).isEqualTo("STANDARD");
        assertThat(raised.data().get("state").asString()).isEqualTo("AUTHORIZED");
        assertThat(raised.data().get("title").asString()).isEqualTo("Deploy " + service + " 1.4.2 to staging");
        assertThat(raised.data().get("requestedBy").asString()).isEqualTo("octocat");
        assertThat(authorized.data().get("authorizedBy").asString()).isEqualTo("passerelle:standard-change");
        assertThat(authorized.data().get("changeId").asString()).isEqualTo(raised.data().get("changeId").asString());
        mvc.perform(get("/api/v1/changes").param("service", service).with(user("ci", "pipeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("STANDARD"))
                .andExpect(jsonPath("$[0].state").value("SCHEDULED"))
                .andExpect(jsonPath("$[0].deploymentId").value(deploymentId.toString()))
                .andExpect(jsonPath("$[0].releaseId").exists())
                .andExpect(jsonPath("$[0].requestedBy").value("octocat"))
                .andExpect(jsonPath("$[0].authorizedAt").exists())
                .andExpect(jsonPath("$[0].approvals.length()").value(0))
                .andExpect(jsonPath("$[0].auditTrail").doesNotExist());
    }

    @Test
    void a_planned_deployment_that_requires_approval_raises_a_normal_change_that_waits() throws Exception {
        var deploymentId = planDeployment("production", true);

        var raised = assertConforms(events.await("change.raised.v1", about(deploymentId)));

        assertThat(raised.data().get("type").asString()).isEqualTo("NORMAL");
        assertThat(raised.data().get("state").asString()).isEqualTo("PENDING_APPROVAL");
        mvc.perform(get("/api/v1/changes").param("service", service).param("state", "PENDING_APPROVAL")
                        .with(user("sam", "service-desk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("NORMAL"))
                .andExpect(jsonPath("$[0].authorizedAt").doesNotExist());
        mvc.perform(get("/api/v1/changes").param("service", service).param("state", "SCHEDULED")
                        .with(user("sam", "service-desk")))
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(events.received("change.authorized.v1", about(deploymentId))).isEmpty();
    }

    @Test
    void the_requester_cannot_approve_their_own_change_and_another_change_manager_authorizes_it() throws Exception {
        registerService();
        var id = raiseByHand("alice", "NORMAL", "production");
        assertConforms(events.await("change.raised.v1", data -> data.get("changeId").asString().equals(id)));

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("ALICE", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"mine\"}")), 403,
                "segregation-of-duties");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.approvals.length()").value(0))
                .andExpect(jsonPath("$.auditTrail.length()").value(3));

        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"go\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.authorizedBy").value("bob"))
                .andExpect(jsonPath("$.approvals[0].by").value("bob"))
                .andExpect(jsonPath("$.approvals[0].decision").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].comment").value("go"));
        var authorized = assertConforms(events.await("change.authorized.v1",
                data -> data.get("changeId").asString().equals(id)));
        assertThat(authorized.data().get("authorizedBy").asString()).isEqualTo("bob");
        assertThat(authorized.data().get("type").asString()).isEqualTo("NORMAL");

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("carol", "change-manager"))),
                409, "state-conflict");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("ci", "pipeline")))
                .andExpect(jsonPath("$.approvals.length()").value(1))
                .andExpect(jsonPath("$.auditTrail[0].action").value("RAISED"))
                .andExpect(jsonPath("$.auditTrail[0].by").value("alice"))
                .andExpect(jsonPath("$.auditTrail[0].state").value("NEW"))
                .andExpect(jsonPath("$.auditTrail[1].action").value("ASSESSED"))
                .andExpect(jsonPath("$.auditTrail[1].state").value("ASSESSMENT"))
                .andExpect(jsonPath("$.auditTrail[2].action").value("SUBMITTED"))
                .andExpect(jsonPath("$.auditTrail[2].state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.auditTrail[3].action").value("APPROVED"))
                .andExpect(jsonPath("$.auditTrail[3].by").value("bob"))
                .andExpect(jsonPath("$.auditTrail[3].state").value("SCHEDULED"))
                .andExpect(jsonPath("$.auditTrail.length()").value(4));
        assertThat(events.received("change.authorized.v1", data -> data.get("changeId").asString().equals(id)))
                .hasSize(1);
    }

    @Test
    void whoever_triggered_the_pipeline_cannot_approve_the_change_it_raised() throws Exception {
        var deploymentId = UUID.randomUUID();
        publishPlanned(deploymentId, "production", true, "pipeline:bob");
        var id = assertConforms(events.await("change.raised.v1", about(deploymentId))).data().get("changeId")
                .asString();

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("Bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "segregation-of-duties");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.approvals.length()").value(0));

        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("alice", "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"));
    }

    /** bob's token carries the GitHub login the realm maps to him (claim github): Codertocat's push is his. */
    @Test
    void no_one_whose_github_login_triggered_the_pipeline_can_approve_the_change_it_raised() throws Exception {
        var deploymentId = UUID.randomUUID();
        publishPlanned(deploymentId, "production", true, "pipeline:Codertocat");
        var id = assertConforms(events.await("change.raised.v1", about(deploymentId))).data().get("changeId")
                .asString();

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id)
                .with(TestJwts.user("bob", Map.of("github", "codertocat"), "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "segregation-of-duties");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.approvals.length()").value(0));

        mvc.perform(post("/api/v1/changes/{id}/approve", id)
                        .with(TestJwts.user("alice", Map.of("github", "alice-gh"), "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"));
    }

    @Test
    void a_two_approver_policy_for_a_service_needs_two_distinct_approvers_and_the_change_records_its_version()
            throws Exception {
        registerService();
        definePolicy("""
                {"service":"%s","approvalsRequired":2,"approverRoles":["change-manager","cab-member"],
                 "anyRejectionRejects":true}""".formatted(service))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.definedBy").value("alice"));
        var id = raiseByHand("rhea", "NORMAL", "production");

        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"));
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 409, "state-conflict");
        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("carol", "cab-member"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.decidedUnder.environment").value("production"))
                .andExpect(jsonPath("$.decidedUnder.service").value(service))
                .andExpect(jsonPath("$.decidedUnder.version").value(1));
        assertConforms(events.await("change.authorized.v1", data -> data.path("changeId").asString().equals(id)));

        definePolicy("""
                {"service":"%s","approvalsRequired":1,"approverRoles":["cab-member"],"anyRejectionRejects":false}"""
                .formatted(service)).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/v1/approval-policies").with(user("carol", "cab-member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service == '%s')].version".formatted(service)).value(2));
    }

    @Test
    void an_emergency_change_is_decided_under_the_emergency_policy_not_the_normal_one() throws Exception {
        registerService();
        definePolicy("""
                {"service":"%s","approvalsRequired":3,"approverRoles":["cab-member"],"anyRejectionRejects":true}"""
                .formatted(service)).andExpect(status().isOk());
        var id = raiseByHand("rhea", "EMERGENCY", "production");

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("carol", "cab-member"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "forbidden");
        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("erin", "emergency-approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.decidedUnder.version").value(0));

        definePolicy("""
                {"service":"%s","changeType":"EMERGENCY","approvalsRequired":1,"approverRoles":["emergency-approver"],
                 "anyRejectionRejects":true}""".formatted(service))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changeType").value("EMERGENCY"))
                .andExpect(jsonPath("$.version").value(1));
        var next = raiseByHand("rhea", "EMERGENCY", "production");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", next).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "forbidden");
    }

    @Test
    void only_change_managers_define_policies_and_bad_or_unknown_ones_are_refused_writing_nothing()
            throws Exception {
        registerService();
        var valid = """
                {"service":"%s","approvalsRequired":2,"approverRoles":["change-manager"],"anyRejectionRejects":true}"""
                .formatted(service);
        for (var role : List.of("cab-member", "emergency-approver", "release-manager", "service-desk", "pipeline")) {
            expectProblem(mvc.perform(put("/api/v1/approval-policies/production").with(user("x", role))
                    .contentType(MediaType.APPLICATION_JSON).content(valid)), 403, "forbidden");
        }
        expectProblem(mvc.perform(get("/api/v1/approval-policies").with(user("rhea", "release-manager"))),
                403, "forbidden");
        for (var body : List.of(
                valid.replace("\"approvalsRequired\":2", "\"approvalsRequired\":0"),
                valid.replace("\"approvalsRequired\":2", "\"approvalsRequired\":6"),
                valid.replace("[\"change-manager\"]", "[]"),
                valid.replace("[\"change-manager\"]", "[\"admin\"]"),
                valid.replace("[\"change-manager\"]",
                        "[\"change-manager\",\"cab-member\",\"emergency-approver\",\"change-manager\"]"),
                valid.replace("}", ",\"changeType\":\"STANDARD\"}"),
                valid.replace(",\"anyRejectionRejects\":true", ""),
                valid.replace("\"anyRejectionRejects\":true", "\"anyRejectionRejects\":\"yes\""),
                valid.replace("}", ",\"emergency\":true}"))) {
            expectProblem(definePolicy(body), 400, "invalid-request");
        }
        expectProblem(mvc.perform(put("/api/v1/approval-policies/Prod!").with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(valid)), 400, "invalid-request");
        expectProblem(mvc.perform(put("/api/v1/approval-policies/moon").with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(valid)), 422, "rule-violated");
        expectProblem(definePolicy(valid.replace(service, "no-such-service")), 422, "rule-violated");

        assertThat(jdbc.sql("select count(*) from approval_policy where service = :s or environment = 'moon'")
                .param("s", service).query(Integer.class).single()).as("nothing written").isZero();
    }

    private ResultActions definePolicy(String body) throws Exception {
        return mvc.perform(put("/api/v1/approval-policies/production").with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void a_rejection_needs_a_reason_and_is_published() throws Exception {
        registerService();
        var id = raiseByHand("alice", "EMERGENCY", "production");

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/reject", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 400, "invalid-request");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/reject", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")), 400, "invalid-request");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/reject", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"severity\":1}")), 400,
                "invalid-request");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"));

        mvc.perform(post("/api/v1/changes/{id}/reject", id).with(user("bob", "change-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no rollback plan\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.approvals[0].decision").value("REJECTED"))
                .andExpect(jsonPath("$.approvals[0].comment").value("no rollback plan"));
        var rejected = assertConforms(events.await("change.rejected.v1",
                data -> data.get("changeId").asString().equals(id)));
        assertThat(rejected.data().get("rejectedBy").asString()).isEqualTo("bob");
        assertThat(rejected.data().get("reason").asString()).isEqualTo("no rollback plan");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))),
                409, "state-conflict");
    }

    @Test
    void a_successful_deployment_closes_its_change() throws Exception {
        var deploymentId = planDeployment("staging", false);
        var changeId = events.await("change.authorized.v1", about(deploymentId)).data().get("changeId").asString();

        publishOutcome("deployment.succeeded.v1", deploymentId, changeId, null);

        var closed = assertConforms(events.await("change.closed.v1", about(deploymentId)));
        assertThat(closed.data().get("changeId").asString()).isEqualTo(changeId);
        mvc.perform(get("/api/v1/changes/{id}", changeId).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("SUCCESSFUL"))
                .andExpect(jsonPath("$.closedAt").exists())
                .andExpect(jsonPath("$.auditTrail[3].action").value("STARTED"))
                .andExpect(jsonPath("$.auditTrail[4].action").value("CLOSED"))
                .andExpect(jsonPath("$.auditTrail[4].by").value("passerelle:deployment"));
        var scraped = mvc.perform(get("/actuator/prometheus").with(user("oscar", "operator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(scraped).containsPattern("passerelle_changes_ended_total\\{[^}]*environment=\"staging\"[^}]*"
                + "outcome=\"successful\"[^}]*service=\"" + service + "\"[^}]*type=\"STANDARD\"[^}]*} 1\\.0\n");
        assertThat(ended("failed")).isZero();
    }

    @Test
    void a_failed_deployment_fails_its_change_with_the_reason() throws Exception {
        var deploymentId = planDeployment("staging", false);
        var changeId = events.await("change.authorized.v1", about(deploymentId)).data().get("changeId").asString();

        publishOutcome("deployment.failed.v1", deploymentId, changeId, "target answered 503");

        var failed = assertConforms(events.await("change.failed.v1", about(deploymentId)));
        assertThat(failed.data().get("reason").asString()).isEqualTo("target answered 503");
        mvc.perform(get("/api/v1/changes/{id}", changeId).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("REVIEW"))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.closedAt").doesNotExist())
                .andExpect(jsonPath("$.failureReason").value("target answered 503"));
        assertThat(ended("failed")).isEqualTo(1.0);
        assertThat(ended("successful")).isZero();
    }

    @Test
    void an_outcome_for_a_change_still_waiting_for_approval_is_ignored() throws Exception {
        var deploymentId = planDeployment("production", true);
        var changeId = events.await("change.raised.v1", about(deploymentId)).data().get("changeId").asString();

        publishOutcome("deployment.succeeded.v1", deploymentId, changeId, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> processed("deployment.succeeded.v1", deploymentId));
        mvc.perform(get("/api/v1/changes/{id}", changeId).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"));
        assertThat(events.received("change.closed.v1", about(deploymentId))).isEmpty();
    }

    @Test
    void a_change_raised_by_hand_is_implemented_completed_and_reviewed_by_the_people_allowed_to() throws Exception {
        registerService();
        var id = raiseByHand("alice", "NORMAL", "production");
        approve(id, "bob");

        expectProblem(progress(id, "implement", "{}", user("rita", "release-manager")), 403, "forbidden");
        expectProblem(progress(id, "implement", "{}", user("sam", "service-desk")), 403, "forbidden");
        expectProblem(progress(id, "complete", "{\"outcome\":\"SUCCESSFUL\"}", user("alice", "release-manager")),
                409, "state-conflict");
        assertThat(auditEntries(id)).as("refusals write nothing").isEqualTo(4);
        progress(id, "implement", "{\"comment\":\"maintenance window open\"}", user("alice", "release-manager"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IMPLEMENTING"))
                .andExpect(jsonPath("$.implementationStartedAt").exists());

        for (var bad : List.of("{\"outcome\":\"FAILED\"}", "{\"outcome\":\"BACKED_OUT\",\"reason\":\" \"}",
                "{\"outcome\":\"failed\",\"reason\":\"x\"}", "{}", "{\"outcome\":\"FAILED\",\"reason\":1}")) {
            expectProblem(progress(id, "complete", bad, user("alice", "release-manager")), 400, "invalid-request");
        }
        assertThat(auditEntries(id)).isEqualTo(5);
        progress(id, "complete", "{\"outcome\":\"FAILED\",\"reason\":\"the new certificate was refused\"}",
                        user("carol", "change-manager"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REVIEW"))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.failureReason").value("the new certificate was refused"));
        var failed = assertConforms(events.await("change.failed.v1", data -> data.get("changeId").asString().equals(id)));
        assertThat(failed.data().has("deploymentId")).isFalse();

        expectProblem(progress(id, "review", "{\"review\":\"x\"}", user("alice", "release-manager")), 403,
                "forbidden");
        expectProblem(progress(id, "review", "{\"review\":\"\"}", user("bob", "change-manager")), 400,
                "invalid-request");
        progress(id, "review", "{\"review\":\"the CA chain was missing; the runbook now checks it\"}",
                        user("bob", "change-manager"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.review.by").value("bob"))
                .andExpect(jsonPath("$.review.review").value("the CA chain was missing; the runbook now checks it"))
                .andExpect(jsonPath("$.closedAt").exists());
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("sam", "service-desk")))
                .andExpect(jsonPath("$.auditTrail[*].action").value(Matchers.contains("RAISED",
                        "ASSESSED", "SUBMITTED", "APPROVED", "STARTED", "FAILED", "REVIEWED")));
        expectProblem(progress(id, "review", "{\"review\":\"again\"}", user("bob", "change-manager")), 409,
                "state-conflict");
    }

    @Test
    void a_change_raised_by_hand_is_cancelled_by_its_requester_or_a_change_manager_before_it_starts() throws Exception {
        registerService();
        var id = raiseByHand("alice", "NORMAL", "production");

        expectProblem(progress(id, "cancel", "{\"reason\":\"mine now\"}", user("rita", "release-manager")), 403,
                "forbidden");
        expectProblem(progress(id, "cancel", "{}", user("alice", "release-manager")), 400, "invalid-request");
        expectProblem(progress(id, "cancel", "{\"reason\":\"\"}", user("alice", "release-manager")), 400,
                "invalid-request");
        expectProblem(progress(UUID.randomUUID().toString(), "cancel", "{\"reason\":\"x\"}",
                user("carol", "change-manager")), 404, "not-found");
        assertThat(auditEntries(id)).isEqualTo(3);
        progress(id, "cancel", "{\"reason\":\"superseded by the yearly rotation\"}", user("carol", "change-manager"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.closedAt").exists());
        expectProblem(progress(id, "cancel", "{\"reason\":\"again\"}", user("alice", "release-manager")), 409,
                "state-conflict");
        assertThat(ended("cancelled")).isEqualTo(1.0);
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))),
                409, "state-conflict");
    }

    @Test
    void a_deployment_requested_from_the_toolchain_starts_its_change_which_is_not_moved_by_hand() throws Exception {
        var deploymentId = UUID.randomUUID();
        var changeId = publishRecordedPlan(deploymentId);
        var requested = (ObjectNode) recorded("deployment.requested.v1");
        requested.put("deploymentId", deploymentId.toString()).put("changeId", changeId).put("service", service)
                .put("environment", "staging");

        events.publish("deployment.requested.v1", deploymentId.toString(), requested);

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.find(UUID.fromString(changeId)).orElseThrow()
                .state() == ChangeState.IMPLEMENTING);
        for (var step : Map.of("implement", "{}", "cancel", "{\"reason\":\"by hand\"}",
                "complete", "{\"outcome\":\"SUCCESSFUL\"}").entrySet()) {
            expectProblem(progress(changeId, step.getKey(), step.getValue(), user("carol", "change-manager")), 409,
                    "state-conflict");
        }
        publishRecordedOutcome("deployment.succeeded.v1", deploymentId, changeId);
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.find(UUID.fromString(changeId)).orElseThrow()
                .state() == ChangeState.CLOSED);
    }

    /**
     * Migration V4 moves the changes of the first lifecycle to the ITIL one, on a schema of its own: authorized ones
     * are scheduled, closed ones succeeded, failed ones wait for their review; their audit trails are read in the new
     * terms and never rewritten.
     */
    @Test
    void changes_of_the_first_lifecycle_are_migrated_to_the_itil_one() {
        var schema = "change_v4_it";
        var flyway = Flyway.configure().dataSource(dataSource).schemas(schema)
                .cleanDisabled(false).target("3").load();
        flyway.clean();
        flyway.migrate();
        var sql = JdbcClient.create(dataSource);
        var ids = Map.of("PENDING_APPROVAL", UUID.randomUUID(), "AUTHORIZED", UUID.randomUUID(),
                "REJECTED", UUID.randomUUID(), "CLOSED", UUID.randomUUID(), "FAILED", UUID.randomUUID());
        var ended = Instant.parse("2026-11-20T10:00:00Z");
        ids.forEach((state, id) -> {
            sql.sql("""
                    insert into %s.change_request (id, type, state, service, environment, title, requested_by,
                        raised_at, closed_at, failure_reason, version)
                    values (:id, 'NORMAL', :state, 'payments', 'production', 'legacy', 'alice', :raised, :closed,
                        :reason, 1)""".formatted(schema))
                    .param("id", id).param("state", state).param("raised", Timestamp.from(ended.minusSeconds(600)))
                    .param("closed", state.equals("CLOSED") || state.equals("FAILED") ? Timestamp.from(ended) : null)
                    .param("reason", state.equals("FAILED") ? "503" : null)
                    .update();
            sql.sql("insert into %s.change_audit (change_id, position, at, actor, action, state) values (:id, 0, now(), 'alice', 'RAISED', :state)"
                    .formatted(schema)).param("id", id).param("state", state).update();
        });

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        var migrated = sql.sql("select id, state, outcome, implementation_ended_at, closed_at from " + schema
                + ".change_request").query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
                        rs.getString("state") + "/" + rs.getString("outcome") + "/"
                                + (rs.getTimestamp("implementation_ended_at") != null) + "/"
                                + (rs.getTimestamp("closed_at") != null)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(migrated).containsEntry(ids.get("PENDING_APPROVAL"), "PENDING_APPROVAL/null/false/false")
                .containsEntry(ids.get("AUTHORIZED"), "SCHEDULED/null/false/false")
                .containsEntry(ids.get("REJECTED"), "REJECTED/null/false/false")
                .containsEntry(ids.get("CLOSED"), "CLOSED/SUCCESSFUL/true/true")
                .containsEntry(ids.get("FAILED"), "REVIEW/FAILED/true/false");
        assertThat(sql.sql("select state from " + schema + ".change_audit where change_id = :id")
                .param("id", ids.get("FAILED")).query(String.class).single())
                .as("the audit trail keeps the words of its time").isEqualTo("FAILED");
        Flyway.configure().dataSource(dataSource).schemas(schema).cleanDisabled(false).load().clean();
    }

    @Test
    void a_deployment_in_a_freeze_is_held_and_proceeds_on_its_own_when_the_freeze_is_over() throws Exception {
        registerService();
        var end = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        declareFreeze("Release night", Instant.now().minusSeconds(60), end, "staging");

        var deploymentId = planDeployment("staging", false);

        var held = assertConforms(events.await("change.held.v1", about(deploymentId))).data();
        assertThat(held.get("type").asString()).isEqualTo("STANDARD");
        assertThat(Instant.parse(held.get("heldUntil").asString())).isEqualTo(end);
        assertThat(held.get("reason").asString()).startsWith("held by freeze window 'Release night' until");
        assertThat(events.received("change.authorized.v1", about(deploymentId))).isEmpty();
        var changeId = held.get("changeId").asString();
        mvc.perform(get("/api/v1/changes/{id}", changeId).with(user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.hold.windows[0]").value("Release night"))
                .andExpect(jsonPath("$.hold.until").value(end.toString()));

        var authorized = assertConforms(events.await("change.authorized.v1", about(deploymentId)));
        var late = Duration.between(end, authorized.time());
        System.out.printf("held change released %d ms after its freeze ended%n", late.toMillis());
        assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(3));
        assertThat(events.received("change.authorized.v1", about(deploymentId))).hasSize(1);
        mvc.perform(get("/api/v1/changes/{id}", changeId).with(user("rhea", "release-manager")))
                .andExpect(jsonPath("$.hold").doesNotExist())
                .andExpect(jsonPath("$.auditTrail[*].action").value(Matchers.contains("RAISED", "ASSESSED",
                        "AUTHORIZED", "HELD", "RELEASED")));
    }

    @Test
    void a_freeze_ended_early_lets_the_changes_it_held_proceed_at_once() throws Exception {
        registerService();
        var window = declareFreeze("Quarter close", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
                "staging");
        var deploymentId = planDeployment("staging", false);
        events.await("change.held.v1", about(deploymentId));

        mvc.perform(post("/api/v1/freeze-windows/{id}/end", window).with(user("alice", "change-manager")))
                .andExpect(status().isOk());

        var authorized = events.await("change.authorized.v1", about(deploymentId));
        assertThat(Duration.between(authorized.time(), Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void an_emergency_change_passes_a_freeze_under_the_emergency_policy_and_its_audit_trail_says_so() throws Exception {
        registerService();
        declareFreeze("Year end", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                "production");
        String emergency = JsonPath.read(raise("alice", "EMERGENCY", "production").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        var normal = raiseByHand("alice", "NORMAL", "production");

        approve(emergency, "bob");
        approve(normal, "bob");

        mvc.perform(get("/api/v1/changes/{id}", emergency).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.hold").doesNotExist())
                .andExpect(jsonPath("$.auditTrail[-1].action").value("PASSED_FREEZE"));
        assertConforms(events.await("change.authorized.v1", data -> data.get("changeId").asString().equals(emergency)));
        mvc.perform(get("/api/v1/changes/{id}", normal).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.hold.windows[0]").value("Year end"));
        assertConforms(events.await("change.held.v1", data -> data.get("changeId").asString().equals(normal)));
        expectProblem(progress(normal, "implement", "{}", user("alice", "release-manager")), 409, "state-conflict");
    }

    @Test
    void a_template_pre_approves_a_pipeline_change_where_approval_is_required_and_a_stricter_one_says_why_not()
            throws Exception {
        registerService();
        String template = JsonPath.read(mvc.perform(post("/api/v1/standard-changes")
                        .with(user("alice", "change-manager")).contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"Small %s deploys","description":"low risk","services":["%s"],
                                 "environments":["production"],"maxRiskScore":40}""".formatted(service, service)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        var preApproved = planDeployment("production", true);
        var raised = assertConforms(events.await("change.raised.v1", about(preApproved))).data();
        assertThat(raised.get("type").asString()).isEqualTo("STANDARD");
        assertThat(raised.get("standardTemplate").get("id").asString()).isEqualTo(template);
        assertThat(raised.get("risk").get("score").asInt()).isBetween(0, 40);
        events.await("change.authorized.v1", about(preApproved));

        mvc.perform(put("/api/v1/standard-changes/{id}", template).with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Small %s deploys","description":"tiny only","services":["%s"],
                         "environments":["production"],"maxRiskScore":1}""".formatted(service, service)))
                .andExpect(status().isOk());
        var normal = planDeployment("production", true);
        var refused = assertConforms(events.await("change.raised.v1", about(normal))).data();
        assertThat(refused.get("type").asString()).isEqualTo("NORMAL");
        assertThat(refused.get("assessment").asString()).contains("production of " + service + " requires approval")
                .contains("> 1 (template 'Small " + service + " deploys' v2)");
        assertThat(events.received("change.authorized.v1", about(normal))).isEmpty();
    }

    @Test
    void an_open_p1_on_its_service_raises_the_risk_of_a_waiting_change_and_its_resolution_lowers_it() {
        registerService();
        var deploymentId = planDeployment("production", true);
        var changeId = events.await("change.raised.v1", about(deploymentId)).data().get("changeId").asString();
        int before = riskOf(changeId);
        var incident = UUID.randomUUID();
        var opened = (ObjectNode) recorded("incident.opened.v1");
        opened.put("incidentId", incident.toString()).put("service", service).put("environment", "production")
                .put("priority", "P1");

        events.publish("incident.opened.v1", incident.toString(), opened);

        await().atMost(Duration.ofSeconds(10)).until(() -> riskOf(changeId) == before + 25);
        var resolved = (ObjectNode) recorded("incident.resolved.v1");
        resolved.put("incidentId", incident.toString()).put("service", service).put("environment", "production");
        events.publish("incident.resolved.v1", incident.toString(), resolved);
        await().atMost(Duration.ofSeconds(10)).until(() -> riskOf(changeId) == before);
    }

    @Test
    void a_duplicate_event_or_a_second_plan_for_the_same_deployment_raises_a_single_change() {
        var deploymentId = UUID.randomUUID();
        var planned = publishPlanned(deploymentId, "staging", false);
        events.publish(planned); // the same CloudEvent delivered again
        publishPlanned(deploymentId, "staging", false); // another event for the same deployment

        events.await("change.raised.v1", about(deploymentId));
        await().atMost(Duration.ofSeconds(10)).until(() -> processedPlans(deploymentId) == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);

        assertThat(jdbc.sql("select count(*) from change_request where deployment_id = :id").param("id", deploymentId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id")
                .param("id", planned.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.received("change.raised.v1", about(deploymentId))).hasSize(1);
        assertThat(events.received("change.authorized.v1", about(deploymentId))).hasSize(1);
    }

    @Test
    void a_standard_change_by_hand_where_approval_is_required_is_refused_and_writes_nothing() throws Exception {
        registerService();

        var refused = expectProblem(raise("alice", "STANDARD", "production"), 422, "rule-violated");
        refused.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("raise a NORMAL change")));
        expectProblem(raise("alice", "NORMAL", "moon"), 422, "rule-violated");
        expectProblem(mvc.perform(post("/api/v1/changes").with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"service":"%s","environment":"staging","title":"t","type":"NORMAL","risk":"low"}"""
                        .formatted(service))), 400, "invalid-request");

        assertThat(jdbc.sql("select count(*) from change_request where service = :s").param("s", service)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where payload -> 'data' ->> 'service' = :s")
                .param("s", service).query(Integer.class).single()).isZero();

        raise("rhea", "STANDARD", "staging").andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.authorizedBy").value("passerelle:standard-change"));
    }

    @Test
    void a_new_registration_of_a_service_replaces_its_environments() throws Exception {
        registerService();
        publishRegistration(List.of(environment("staging", 1, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from catalog_environment where service = :s and name = 'staging' and requires_approval
                and not exists (select 1 from catalog_environment where service = :s and name = 'production')""")
                .param("s", service).query(Integer.class).single() == 1);

        expectProblem(raise("alice", "NORMAL", "production"), 422, "rule-violated");
        expectProblem(raise("alice", "STANDARD", "staging"), 422, "rule-violated");
    }

    @Test
    void without_a_token_requests_are_unauthenticated() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/changes")), 401, "unauthenticated");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", UUID.randomUUID())), 401, "unauthenticated");
    }

    @Test
    void roles_decide_who_may_do_what() throws Exception {
        registerService();
        var id = raiseByHand("alice", "NORMAL", "production");

        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("sam", "service-desk"))),
                403, "forbidden");
        expectProblem(mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("rhea", "release-manager"))),
                403, "forbidden");
        expectProblem(raise("sam", "NORMAL", "production", user("sam", "service-desk")), 403, "forbidden");
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("sam", "service-desk")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.approvals.length()").value(0));
        expectProblem(mvc.perform(get("/api/v1/changes").with(user("prom", "monitoring"))), 403, "forbidden");
        expectProblem(mvc.perform(get("/api/v1/changes/{id}", UUID.randomUUID()).with(user("sam", "service-desk"))),
                404, "not-found");
    }

    @Test
    void a_change_saved_by_someone_else_meanwhile_is_not_overwritten() throws Exception {
        registerService();
        var id = UUID.fromString(raiseByHand("alice", "NORMAL", "production"));
        var read = changes.find(id).orElseThrow();
        var readAgain = changes.find(id).orElseThrow();

        read.approve(Approver.user("bob"), ApprovalPolicy.defaultFor("production", ChangeType.NORMAL), null, Optional.empty(), Instant.now());
        tx.executeWithoutResult(status -> changes.save(read));
        readAgain.reject(Approver.user("carol"), ApprovalPolicy.defaultFor("production", ChangeType.NORMAL), "too late", Instant.now());

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> changes.save(readAgain))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
        mvc.perform(get("/api/v1/changes/{id}", id).with(user("bob", "change-manager")))
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.approvals.length()").value(1))
                .andExpect(jsonPath("$.auditTrail.length()").value(4));
    }

    @Test
    void the_database_refuses_to_rewrite_the_audit_trail_or_the_decisions_of_a_change() throws Exception {
        registerService();
        var id = UUID.fromString(raiseByHand("alice", "NORMAL", "production"));
        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());

        for (var rewrite : List.of(
                "update change_audit set actor = 'mallory' where change_id = :id",
                "delete from change_audit where change_id = :id",
                "update change_decision set decided_by = 'mallory' where change_id = :id",
                "delete from change_decision where change_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(rewrite).param("id", id).update()).as(rewrite)
                    .hasMessageContaining("is append-only");
        }
        for (var table : List.of("change_audit", "change_decision")) {
            assertThatThrownBy(() -> jdbc.sql("truncate " + table + " cascade").update()).as(table)
                    .hasMessageContaining("is append-only");
        }
        assertThat(jdbc.sql("select actor from change_audit where change_id = :id order by position")
                .param("id", id).query(String.class).list()).containsExactly("alice", "passerelle:assessment",
                "passerelle:assessment", "bob");
    }

    @Test
    void the_audit_trail_and_the_decisions_of_a_change_are_appended_and_stored_rows_never_written_again()
            throws Exception {
        registerService();
        var id = UUID.fromString(raiseByHand("alice", "NORMAL", "production"));
        var raised = storedRow("change_audit", id, 0);

        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user("bob", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        var approved = storedRow("change_audit", id, 3);
        var approval = storedRow("change_decision", id, 0);
        var change = changes.find(id).orElseThrow();
        change.startImplementation(Approver.user("alice"), null, Instant.now());
        change.complete(Approver.user("alice"), ChangeOutcome.SUCCESSFUL, null, Instant.now());
        tx.executeWithoutResult(status -> changes.save(change));

        assertThat(storedRow("change_audit", id, 0)).isEqualTo(raised);
        assertThat(storedRow("change_audit", id, 3)).isEqualTo(approved);
        assertThat(storedRow("change_decision", id, 0)).isEqualTo(approval);
        assertThat(jdbc.sql("select action from change_audit where change_id = :id order by position")
                .param("id", id).query(String.class).list()).containsExactly("RAISED", "ASSESSED", "SUBMITTED",
                "APPROVED", "STARTED", "CLOSED");
        assertThat(jdbc.sql("select count(*) from change_decision where change_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_recorded_registration_of_the_catalog_fills_the_projection() {
        var registered = (ObjectNode) recorded("service.registered.v1");
        registered.put("service", service);

        events.publish("service.registered.v1", service, registered);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select string_agg(name || ':' || requires_approval, ',' order by name) from catalog_environment
                where service = :s""").param("s", service).query(String.class).optional().orElse("")
                .equals("production:true,staging:false"));
    }

    @Test
    void a_recorded_planned_deployment_raises_its_change_and_a_recorded_success_closes_it() {
        var deploymentId = UUID.randomUUID();
        var changeId = publishRecordedPlan(deploymentId);

        publishRecordedOutcome("deployment.succeeded.v1", deploymentId, changeId);

        assertConforms(events.await("change.closed.v1", about(deploymentId)));
        assertThat(changes.find(UUID.fromString(changeId)).orElseThrow().state())
                .isEqualTo(ChangeState.CLOSED);
    }

    @Test
    void a_recorded_failed_deployment_fails_its_change_with_the_recorded_reason() {
        var deploymentId = UUID.randomUUID();
        var changeId = publishRecordedPlan(deploymentId);

        publishRecordedOutcome("deployment.failed.v1", deploymentId, changeId);

        var failed = assertConforms(events.await("change.failed.v1", about(deploymentId)));
        assertThat(failed.data().get("reason").asString())
                .isEqualTo(recorded("deployment.failed.v1").get("reason").asString());
    }

    @Test
    void an_emergency_rollback_raises_an_emergency_change_and_the_undone_change_s_trail_records_the_rollback()
            throws Exception {
        var undone = UUID.randomUUID();
        var undoneChange = publishRecordedPlan(undone);
        publishRecordedOutcome("deployment.succeeded.v1", undone, undoneChange);
        events.await("change.closed.v1", about(undone));

        var rollback = UUID.randomUUID();
        var planned = (ObjectNode) recorded("deployment.planned.v1");
        planned.put("deploymentId", rollback.toString()).put("service", service).put("environment", "staging")
                .put("requiresApproval", false).put("version", "1.4.1");
        planned.putObject("rollback").put("of", undone.toString()).put("reason", "error rate 30% after 1.4.2")
                .put("emergency", true);
        assertConforms(events.publish("deployment.planned.v1", rollback.toString(), planned));
        var raised = assertConforms(events.await("change.raised.v1", about(rollback))).data();
        assertThat(raised.get("type").asString()).isEqualTo("EMERGENCY");
        assertThat(raised.get("title").asString()).isEqualTo("Roll " + service + " in staging back to 1.4.1");

        var rolledBack = (ObjectNode) recorded("deployment.rolled-back.v1");
        rolledBack.put("deploymentId", rollback.toString()).put("rolledBackDeploymentId", undone.toString())
                .put("changeId", raised.get("changeId").asString()).put("service", service)
                .put("environment", "staging").put("restoredVersion", "1.4.1");
        assertConforms(events.publish("deployment.rolled-back.v1", rollback.toString(), rolledBack));

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.find(UUID.fromString(undoneChange)).orElseThrow()
                .auditTrail().stream().anyMatch(e -> e.action() == AuditEntry.Action.BACKED_OUT));
        var entry = changes.find(UUID.fromString(undoneChange)).orElseThrow().auditTrail().getLast();
        assertThat(entry.detail()).contains(rollback.toString(), "1.4.1", rolledBack.get("reason").asString());
        assertThat(entry.state()).as("the change keeps the state of its own implementation")
                .isEqualTo(ChangeState.CLOSED);
    }

    @Test
    void bad_query_parameters_are_problems() throws Exception {
        mvc.perform(get("/api/v1/changes").param("state", "DONE").with(user("sam", "service-desk")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/changes").param("service", "Not A Name").with(user("sam", "service-desk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("service ")));
        mvc.perform(get("/api/v1/changes/{id}", "not-a-uuid").with(user("sam", "service-desk")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    // --- helpers

    /** passerelle_changes_ended_total of this test's service, whatever its environment and type. */
    private double ended(String outcome) {
        return meters.find("passerelle.changes.ended").tags("service", service, "outcome", outcome).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private void registerService() {
        Catalogued.register(events, jdbc, service, "staging", "production");
    }

    private void publishRegistration(List<Map<String, Object>> environments) {
        Catalogued.register(events, jdbc, service, environments);
    }

    private UUID planDeployment(String environment, boolean requiresApproval) {
        var deploymentId = UUID.randomUUID();
        publishPlanned(deploymentId, environment, requiresApproval);
        return deploymentId;
    }

    private CloudEvent publishPlanned(UUID deploymentId, String environment, boolean requiresApproval) {
        return publishPlanned(deploymentId, environment, requiresApproval, "octocat");
    }

    private CloudEvent publishPlanned(UUID deploymentId, String environment, boolean requiresApproval,
            String requestedBy) {
        return assertConforms(events.publish("deployment.planned.v1", deploymentId.toString(), Map.of(
                "deploymentId", deploymentId.toString(),
                "releaseId", UUID.randomUUID().toString(),
                "service", service,
                "environment", environment,
                "version", "1.4.2",
                "commitSha", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "requiresApproval", requiresApproval,
                "requestedBy", requestedBy,
                "plannedAt", Instant.now().toString())));
    }

    private void publishOutcome(String type, UUID deploymentId, String changeId, String reason) {
        var data = new java.util.HashMap<String, Object>(Map.of(
                "deploymentId", deploymentId.toString(),
                "releaseId", UUID.randomUUID().toString(),
                "changeId", changeId,
                "service", service,
                "environment", "staging",
                "version", "1.4.2",
                "commitSha", "9fceb02",
                "finishedAt", Instant.now().toString()));
        if (reason != null) {
            data.put("reason", reason);
        }
        assertConforms(events.publish(type, deploymentId.toString(), data));
    }

    /** The recorded deployment.planned.v1 for this test's service, to staging (no approval): its change's id. */
    private String publishRecordedPlan(UUID deploymentId) {
        var planned = (ObjectNode) recorded("deployment.planned.v1");
        planned.put("deploymentId", deploymentId.toString()).put("service", service).put("environment", "staging")
                .put("requiresApproval", false);
        events.publish("deployment.planned.v1", deploymentId.toString(), planned);
        var raised = assertConforms(events.await("change.raised.v1", about(deploymentId))).data();
        assertThat(raised.get("requestedBy").asString()).isEqualTo(planned.get("requestedBy").asString());
        assertThat(raised.get("releaseId").asString()).isEqualTo(planned.get("releaseId").asString());
        events.await("change.authorized.v1", about(deploymentId));
        return raised.get("changeId").asString();
    }

    private void publishRecordedOutcome(String type, UUID deploymentId, String changeId) {
        var outcome = (ObjectNode) recorded(type);
        outcome.put("deploymentId", deploymentId.toString()).put("changeId", changeId).put("service", service)
                .put("environment", "staging");
        events.publish(type, deploymentId.toString(), outcome);
    }

    /** A stored row's physical identity: the transaction that wrote it and where; both change if it is rewritten. */
    private String storedRow(String table, UUID changeId, int position) {
        return jdbc.sql("select xmin::text || ' ' || ctid::text from " + table
                        + " where change_id = :id and position = :position")
                .param("id", changeId).param("position", position).query(String.class).single();
    }

    private boolean processed(String type, UUID deploymentId) {
        return events.received(type, about(deploymentId)).stream().allMatch(e -> jdbc.sql(
                        "select count(*) from processed_message where message_id = :id").param("id", e.id())
                .query(Integer.class).single() == 1)
                && !events.received(type, about(deploymentId)).isEmpty();
    }

    private int processedPlans(UUID deploymentId) {
        return (int) events.received("deployment.planned.v1", about(deploymentId)).stream()
                .map(CloudEvent::id).distinct()
                .filter(id -> jdbc.sql("select count(*) from processed_message where message_id = :id")
                        .param("id", id).query(Integer.class).single() == 1)
                .count();
    }

    private String raiseByHand(String requester, String type, String environment) throws Exception {
        var body = raise(requester, type, environment)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/changes/")))
                .andExpect(jsonPath("$.requestedBy").value(requester))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        return id;
    }

    private ResultActions raise(String requester, String type, String environment) throws Exception {
        return raise(requester, type, environment, user(requester, "change-manager", "release-manager"));
    }

    private ResultActions raise(String requester, String type, String environment, RequestPostProcessor token)
            throws Exception {
        return mvc.perform(post("/api/v1/changes").with(token).contentType(MediaType.APPLICATION_JSON).content("""
                {"service":"%s","environment":"%s","title":"Rotate the database password","type":"%s",
                 "description":"quarterly rotation"}""".formatted(service, environment, type)));
    }

    private ResultActions progress(String id, String step, String body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/v1/changes/{id}/" + step, id).with(token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void approve(String id, String approver) throws Exception {
        mvc.perform(post("/api/v1/changes/{id}/approve", id).with(user(approver, "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
    }

    private int auditEntries(String id) {
        return jdbc.sql("select count(*) from change_audit where change_id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single();
    }

    /** Declares a freeze window over this test's service in that environment: its id. */
    private String declareFreeze(String name, Instant start, Instant end, String environment) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/freeze-windows").with(user("alice", "change-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","reason":"test","start":"%s","end":"%s","timeZone":"UTC",
                         "scope":{"services":["%s"],"environments":["%s"]}}""".formatted(name,
                        start.truncatedTo(ChronoUnit.SECONDS), end, service, environment)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private int riskOf(String changeId) {
        return jdbc.sql("select risk_score from change_request where id = :id").param("id", UUID.fromString(changeId))
                .query(Integer.class).single();
    }

    private static java.util.function.Predicate<tools.jackson.databind.JsonNode> about(UUID deploymentId) {
        return data -> data.path("deploymentId").asString().equals(deploymentId.toString());
    }

    private static RequestPostProcessor user(String name, String... roles) {
        return TestJwts.user(name, roles);
    }
}
