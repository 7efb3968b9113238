package io.passerelle.releaseservice.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.Catalogued;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gates through HTTP and RabbitMQ only: a pipeline opens a gate, change-service's decisions arrive as events (the
 * probe plays change-service), the long-poll is woken through the gate.decided.v1 broadcast, the outcome feeds the
 * deployment events, the decision is posted to a callback URL.
 */
@ReleaseServiceIntegrationTest
class GatesIntegrationTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final String CI = "passerelle-ci";
    static final String OTHER_CI = "ci-of-another-team";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CallbackCredentials credentials;

    String service;

    @BeforeEach
    void registerService() throws Exception {
        service = "gate-" + UUID.randomUUID().toString().substring(0, 8);
        Catalogued.register(mvc, service);
    }

    // --- helpers

    static String sha() {
        var bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static JwtRequestPostProcessor pipeline(String client) {
        return TestJwts.user("service-account-" + client, Map.of("azp", client), "pipeline");
    }

    String gateRequest(String sha, String environment, String extra) {
        return """
                {"service":"%s","environment":"%s","commitSha":"%s",
                 "runUrl":"https://github.com/acme/%s/actions/runs/42"%s}"""
                .formatted(service, environment, sha, service, extra.isEmpty() ? "" : "," + extra);
    }

    /** Performs a call; a deferred answer is dispatched, so that the result is the answer whichever way it came. */
    ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        var actions = mvc.perform(request);
        var result = actions.andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : actions;
    }

    ResultActions open(String client, String body) throws Exception {
        return call(post("/api/v1/gates").with(pipeline(client)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode opened(String sha, String environment, String extra) throws Exception {
        var answer = open(CI, gateRequest(sha, environment, extra)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    /** A gate to production, opened by {@link #CI} for octocat; returns its answer. */
    JsonNode openedGate() throws Exception {
        return opened(sha(), "production", "\"actor\":\"octocat\"");
    }

    ResultActions read(String gateId, JwtRequestPostProcessor token) throws Exception {
        return call(get("/api/v1/gates/" + gateId).with(token));
    }

    /** Starts a long-poll and returns it still waiting. */
    MvcResult waiting(String gateId, int seconds) throws Exception {
        var result = mvc.perform(get("/api/v1/gates/" + gateId).param("wait", Integer.toString(seconds))
                .with(pipeline(CI))).andExpect(request().asyncStarted()).andReturn();
        return result;
    }

    static boolean isAnswered(MvcResult result) {
        try {
            result.getAsyncResult(1);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    ResultActions answered(MvcResult waiting) throws Exception {
        return mvc.perform(asyncDispatch(waiting));
    }

    ResultActions report(String gateId, String client, String body) throws Exception {
        return call(post("/api/v1/gates/" + gateId + "/outcome").with(pipeline(client))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    CloudEvent published(String type, String field, String value) {
        return EventContracts.assertConforms(events.await(type, d -> d.has(field) && d.get(field).asString().equals(value)));
    }

    CloudEvent authorize(String deploymentId, String changeId) {
        return events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId, "type", "NORMAL",
                "service", service, "environment", "production", "deploymentId", deploymentId, "authorizedBy", "alice",
                "authorizedAt", Instant.now().toString()));
    }

    CloudEvent reject(String deploymentId, String changeId) {
        return events.publish("change.rejected.v1", changeId, Map.of("changeId", changeId, "service", service,
                "environment", "production", "deploymentId", deploymentId, "rejectedBy", "bob",
                "reason", "no rollback plan", "rejectedAt", Instant.now().toString()));
    }

    void awaitDecision(String gateId, String decision) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from gate where id = cast(:id as uuid) and decision = :decision")
                .param("id", gateId).param("decision", decision).query(Integer.class).single() == 1);
    }

    /** An allowed gate to production; returns its answer at creation. */
    JsonNode allowedGate() throws Exception {
        var gate = openedGate();
        authorize(gate.get("deploymentId").asString(), UUID.randomUUID().toString());
        awaitDecision(gate.get("id").asString(), "ALLOWED");
        return gate;
    }

    int outboxed(String type, String subject) {
        return jdbc.sql("select count(*) from outbox_event where type = :type and subject = :subject")
                .param("type", type).param("subject", subject).query(Integer.class).single();
    }

    /** Everything this test's service has in the database: releases, deployments, gates, callbacks, events. */
    Map<String, Integer> footprint() {
        return Map.of(
                "release", count("select count(*) from release where service = :service"),
                "deployment", count("select count(*) from deployment where service = :service"),
                "deployment states", count("select count(distinct state || id::text) from deployment where service = :service"),
                "gate", count("select count(*) from gate g join deployment d on d.id = g.deployment_id where d.service = :service"),
                "gate decisions", count("""
                        select count(*) from gate g join deployment d on d.id = g.deployment_id
                        where d.service = :service and g.decision <> 'PENDING'"""),
                "gate_callback", count("""
                        select count(*) from gate_callback c join gate g on g.id = c.gate_id
                        join deployment d on d.id = g.deployment_id where d.service = :service"""),
                "outbox_event", count("select count(*) from outbox_event where payload -> 'data' ->> 'service' = :service"));
    }

    int count(String sql) {
        return jdbc.sql(sql).param("service", service).query(Integer.class).single();
    }

    static void isProblem(ResultActions actions, int status, String type) throws Exception {
        actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/" + type))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    // --- opening

    @Test
    void a_pipeline_opens_a_gate_that_plans_a_deployment_it_carries_out_itself_behind_a_change() throws Exception {
        var sha = sha();
        var answer = open(CI, gateRequest(sha, "production", """
                "actor":"octocat","version":"1.4.2",
                "evidence":{"testReportUrl":"https://ci.example/report.html","artifactDigest":"sha256:%s"}"""
                .formatted("ab".repeat(32))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision").value("PENDING"))
                .andExpect(jsonPath("$.service").value(service))
                .andExpect(jsonPath("$.environment").value("production"))
                .andExpect(jsonPath("$.commitSha").value(sha))
                .andExpect(jsonPath("$.version").value("1.4.2"))
                .andExpect(jsonPath("$.requestedBy").value("pipeline:octocat"))
                .andExpect(jsonPath("$.runUrl").value("https://github.com/acme/" + service + "/actions/runs/42"))
                .andExpect(jsonPath("$.evidence.artifactDigest").value("sha256:" + "ab".repeat(32)))
                .andExpect(jsonPath("$.evidence.testReportUrl").value("https://ci.example/report.html"))
                .andExpect(jsonPath("$.openedAt").isNotEmpty())
                .andReturn();
        var gate = json.readTree(answer.getResponse().getContentAsString());
        var id = gate.get("id").asString();
        assertThat(answer.getResponse().getHeader("Location")).isEqualTo("/api/v1/gates/" + id);
        assertThat(gate.path("changeId").isMissingNode() || gate.path("changeId").isNull()).isTrue();
        assertThat(gate.path("callbackSecret").isMissingNode() || gate.path("callbackSecret").isNull()).isTrue();

        var planned = published("deployment.planned.v1", "commitSha", sha).data();
        assertThat(planned.get("deploymentId").asString()).isEqualTo(gate.get("deploymentId").asString());
        assertThat(planned.get("requestedBy").asString()).isEqualTo("pipeline:octocat");
        assertThat(planned.get("requiresApproval").asBoolean()).isTrue();
        assertThat(planned.get("environment").asString()).isEqualTo("production");
        assertThat(planned.get("runUrl").asString()).isEqualTo("https://github.com/acme/" + service + "/actions/runs/42");
        assertThat(published("release.recorded.v1", "commitSha", sha).data().get("version").asString()).isEqualTo("1.4.2");
        var row = jdbc.sql("select executor, target_url, state from deployment where id = cast(:id as uuid)")
                .param("id", gate.get("deploymentId").asString()).query().singleRow();
        assertThat(row).containsEntry("executor", "PIPELINE").containsEntry("state", "PLANNED");
        assertThat(row.get("target_url")).isNull();

        // the change behind it is shown as soon as change-service raised it
        var change = UUID.randomUUID().toString();
        events.publish("change.raised.v1", change, Map.of("changeId", change, "type", "NORMAL",
                "state", "PENDING_APPROVAL", "service", service, "environment", "production",
                "title", "Deploy " + service, "requestedBy", "pipeline:octocat",
                "deploymentId", gate.get("deploymentId").asString(), "raisedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> read(id, pipeline(CI))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changeId").value(change))
                .andExpect(jsonPath("$.decision").value("PENDING")));
    }

    @Test
    void without_an_actor_the_requester_is_the_pipeline_client() throws Exception {
        var sha = sha();
        opened(sha, "staging", "");

        assertThat(published("deployment.planned.v1", "commitSha", sha).data().get("requestedBy").asString())
                .isEqualTo("pipeline:" + CI);
    }

    @Test
    void the_same_request_while_its_gate_is_open_answers_that_gate_and_a_refused_one_is_asked_again() throws Exception {
        var sha = sha();
        var body = gateRequest(sha, "production", "\"actor\":\"octocat\"");
        var first = json.readTree(open(CI, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString());
        var before = footprint();

        open(CI, body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(first.get("id").asString()));
        assertThat(footprint()).isEqualTo(before);

        // another run (or another client) asks for itself
        open(CI, body.replace("/runs/42", "/runs/43")).andExpect(status().isCreated());
        open(OTHER_CI, body).andExpect(status().isCreated());
        assertThat(count("select count(*) from release where service = :service")).isOne();

        // refused: the same run may ask again, and gets a new gate (a new deployment of the same release)
        reject(first.get("deploymentId").asString(), UUID.randomUUID().toString());
        awaitDecision(first.get("id").asString(), "REFUSED");
        var again = json.readTree(open(CI, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString());
        assertThat(again.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(count("select count(*) from deployment where service = :service and environment = 'production'"))
                .isEqualTo(4);
    }

    // --- waiting for the decision

    @Test
    void a_change_held_by_a_freeze_holds_the_gate_and_a_waiting_long_poll_goes_on_waiting_until_it_is_released()
            throws Exception {
        var gate = openedGate();
        var id = gate.get("id").asString();
        var deploymentId = gate.get("deploymentId").asString();
        var change = UUID.randomUUID().toString();
        var until = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        var waiting = waiting(id, 30);

        events.publish("change.held.v1", change, Map.of("changeId", change, "type", "NORMAL", "service", service,
                "environment", "production", "deploymentId", deploymentId, "windowIds", List.of(UUID.randomUUID()),
                "reason", "held by freeze window 'Weekends' until " + until, "heldUntil", until.toString(),
                "heldAt", Instant.now().toString()));

        awaitDecision(id, "HELD");
        var held = published("gate.decided.v1", "gateId", id).data();
        assertThat(held.get("decision").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(held.get("proceedAt").asString())).isEqualTo(until);
        call(get("/api/v1/gates/" + id).with(pipeline(CI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("HELD"))
                .andExpect(jsonPath("$.proceedAt").value(until.toString()));
        Thread.sleep(300);
        assertThat(isAnswered(waiting)).as("HELD is not final: the pipeline goes on waiting").isFalse();
        assertThat(jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", deploymentId)
                .query(String.class).single()).isEqualTo("PLANNED");

        authorize(deploymentId, change);
        waiting.getAsyncResult(10_000);
        answered(waiting).andExpect(jsonPath("$.decision").value("ALLOWED"))
                .andExpect(jsonPath("$.proceedAt").doesNotExist());
    }

    @Test
    void a_gate_another_service_asks_for_is_opened_with_its_id_once_and_decided_like_any() {
        var gateId = UUID.randomUUID();
        var sha = "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086";
        var request = new java.util.HashMap<String, Object>(Map.of("gateId", gateId.toString(), "service", service,
                "environment", "production", "commitSha", sha,
                "runUrl", "https://github.com/acme/" + service + "/actions/runs/42", "actor", "klutchell",
                "requestedAt", Instant.now().toString(), "source", "github-deployment-protection-rule"));

        events.publish("gate.requested.v1", gateId.toString(), request);
        events.publish("gate.requested.v1", gateId.toString(), request); // redelivered by another event id

        awaitDecision(gateId.toString(), "PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.received("gate.requested.v1",
                d -> d.get("gateId").asString().equals(gateId.toString())).stream().allMatch(e -> jdbc.sql(
                        "select count(*) from processed_message where message_id = :id").param("id", e.id())
                .query(Integer.class).single() == 1));
        assertThat(count("select count(*) from gate g join deployment d on d.id = g.deployment_id"
                + " where d.service = :service")).isOne();
        var deploymentId = jdbc.sql("select deployment_id from gate where id = :id").param("id", gateId)
                .query(UUID.class).single();
        assertThat(jdbc.sql("select requested_by from deployment where id = :id").param("id", deploymentId)
                .query(String.class).single()).isEqualTo("pipeline:klutchell");
        var planned = published("deployment.planned.v1", "deploymentId", deploymentId.toString()).data();
        assertThat(planned.get("requestedBy").asString()).isEqualTo("pipeline:klutchell");

        authorize(deploymentId.toString(), UUID.randomUUID().toString());

        var decided = published("gate.decided.v1", "gateId", gateId.toString()).data();
        assertThat(decided.get("decision").asString()).isEqualTo("ALLOWED");
    }

    @Test
    void a_waiting_long_poll_is_answered_as_soon_as_the_change_is_authorized() throws Exception {
        var gate = openedGate();
        var id = gate.get("id").asString();
        var deploymentId = gate.get("deploymentId").asString();
        var waiting = waiting(id, 30);
        Thread.sleep(300);
        assertThat(isAnswered(waiting)).as("answered before any decision").isFalse();

        var change = UUID.randomUUID().toString();
        long approved = System.nanoTime();
        authorize(deploymentId, change);
        waiting.getAsyncResult(10_000);
        long millis = Duration.ofNanos(System.nanoTime() - approved).toMillis();
        System.out.printf("gate decision: change.authorized.v1 published → waiting long-poll answered in %d ms%n",
                millis);
        assertThat(millis).as("decision → waiting long-poll, ms").isLessThan(3_000);

        answered(waiting).andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ALLOWED"))
                .andExpect(jsonPath("$.changeId").value(change))
                .andExpect(jsonPath("$.decidedAt").isNotEmpty());
        var decided = published("gate.decided.v1", "gateId", id).data();
        assertThat(decided.get("decision").asString()).isEqualTo("ALLOWED");
        assertThat(decided.get("changeId").asString()).isEqualTo(change);
        assertThat(decided.get("deploymentId").asString()).isEqualTo(deploymentId);
        assertThat(decided.has("reason")).isFalse();
        assertThat(jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", deploymentId)
                .query(String.class).single()).isEqualTo("IN_PROGRESS");
        assertThat(outboxed("deployment.requested.v1", deploymentId)).isZero();
    }

    @Test
    void a_rejected_change_refuses_the_waiting_gate_with_the_reason() throws Exception {
        var gate = openedGate();
        var waiting = waiting(gate.get("id").asString(), 30);
        var change = UUID.randomUUID().toString();

        reject(gate.get("deploymentId").asString(), change);

        waiting.getAsyncResult(10_000);
        answered(waiting).andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("REFUSED"))
                .andExpect(jsonPath("$.changeId").value(change))
                .andExpect(jsonPath("$.reason").value("change " + change + " rejected by bob: no rollback plan"));
        var decided = published("gate.decided.v1", "gateId", gate.get("id").asString()).data();
        assertThat(decided.get("reason").asString()).isEqualTo("change " + change + " rejected by bob: no rollback plan");
    }

    @Test
    void two_waiters_on_the_same_gate_both_wake() throws Exception {
        var gate = openedGate();
        var first = waiting(gate.get("id").asString(), 30);
        var second = waiting(gate.get("id").asString(), 30);

        authorize(gate.get("deploymentId").asString(), UUID.randomUUID().toString());

        first.getAsyncResult(10_000);
        second.getAsyncResult(10_000);
        answered(first).andExpect(jsonPath("$.decision").value("ALLOWED"));
        answered(second).andExpect(jsonPath("$.decision").value("ALLOWED"));
    }

    @Test
    void a_wait_that_ends_before_the_decision_answers_the_gate_as_it_is() throws Exception {
        var gate = openedGate();
        long started = System.nanoTime();

        var waiting = waiting(gate.get("id").asString(), 1);

        waiting.getAsyncResult(10_000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        answered(waiting).andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("PENDING"));
        read(gate.get("id").asString(), pipeline(CI)).andExpect(jsonPath("$.decision").value("PENDING"));
    }

    @Test
    void a_decided_gate_is_answered_at_once_whatever_the_wait() throws Exception {
        var gate = allowedGate();
        long started = System.nanoTime();

        call(get("/api/v1/gates/" + gate.get("id").asString()).param("wait", "60").with(pipeline(CI)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("ALLOWED"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void an_instance_holds_a_bounded_number_of_waiting_requests() throws Exception {
        var gate = openedGate();
        var id = gate.get("id").asString();
        var held = new ArrayList<MvcResult>();
        for (int i = 0; i < ReleaseServiceIntegrationTest.MAX_WAITERS; i++) {
            held.add(waiting(id, 30));
        }

        isProblem(call(get("/api/v1/gates/" + id).param("wait", "30").with(pipeline(CI))), 503, "too-many-waiters");
        call(get("/api/v1/gates/" + id).param("wait", "30").with(pipeline(CI)))
                .andExpect(header().string("Retry-After", "5"));
        read(id, pipeline(CI)).andExpect(status().isOk()); // without waiting, it is answered

        authorize(gate.get("deploymentId").asString(), UUID.randomUUID().toString());
        for (var waiting : held) {
            waiting.getAsyncResult(10_000);
            answered(waiting).andExpect(jsonPath("$.decision").value("ALLOWED"));
        }
    }

    // --- the outcome

    @Test
    void the_outcome_settles_the_deployment_with_the_events_a_target_s_report_publishes() throws Exception {
        var gate = allowedGate();
        var id = gate.get("id").asString();
        var deploymentId = gate.get("deploymentId").asString();

        report(id, CI, "{\"result\":\"SUCCEEDED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.decision").value("ALLOWED"));

        var succeeded = published("deployment.succeeded.v1", "deploymentId", deploymentId).data();
        assertThat(succeeded.get("environment").asString()).isEqualTo("production");
        assertThat(succeeded.get("startedAt").asString()).isNotEmpty();
        var before = footprint();
        isProblem(report(id, CI, "{\"result\":\"SUCCEEDED\"}"), 409, "state-conflict");
        isProblem(report(id, CI, "{\"result\":\"FAILED\",\"reason\":\"late\"}"), 409, "state-conflict");
        assertThat(footprint()).isEqualTo(before);
        assertThat(outboxed("deployment.succeeded.v1", deploymentId)).isOne();
        assertThat(outboxed("deployment.requested.v1", deploymentId)).isZero();
        // nothing promoted: the pipeline opens its next gate itself
        assertThat(count("select count(*) from deployment where service = :service")).isOne();
        read(id, TestJwts.user("alice", "change-manager")).andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
    }

    @Test
    void a_failed_deployment_is_reported_with_its_reason() throws Exception {
        var gate = allowedGate();

        report(gate.get("id").asString(), CI, "{\"result\":\"FAILED\",\"reason\":\"smoke test failed\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("FAILED"));

        var failed = published("deployment.failed.v1", "deploymentId", gate.get("deploymentId").asString()).data();
        assertThat(failed.get("reason").asString()).isEqualTo("smoke test failed");
        assertThat(failed.get("changeId").asString()).isNotEmpty();
    }

    @Test
    void an_outcome_needs_an_allowed_gate_of_one_s_own() throws Exception {
        var pending = openedGate();
        var allowed = allowedGate();
        var refused = openedGate();
        reject(refused.get("deploymentId").asString(), UUID.randomUUID().toString());
        awaitDecision(refused.get("id").asString(), "REFUSED");
        var before = footprint();

        isProblem(report(pending.get("id").asString(), CI, "{\"result\":\"SUCCEEDED\"}"), 409, "state-conflict");
        isProblem(report(refused.get("id").asString(), CI, "{\"result\":\"SUCCEEDED\"}"), 409, "state-conflict");
        isProblem(report(allowed.get("id").asString(), OTHER_CI, "{\"result\":\"SUCCEEDED\"}"), 403, "forbidden");
        isProblem(report(UUID.randomUUID().toString(), CI, "{\"result\":\"SUCCEEDED\"}"), 404, "not-found");
        isProblem(call(post("/api/v1/gates/" + allowed.get("id").asString() + "/outcome")
                .with(TestJwts.user("rhea", "release-manager")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"SUCCEEDED\"}")), 403, "forbidden");
        isProblem(report(allowed.get("id").asString(), CI, "{\"result\":\"DONE\"}"), 400, "invalid-request");
        isProblem(report(allowed.get("id").asString(), CI, "{\"result\":\"SUCCEEDED\",\"extra\":1}"), 400,
                "invalid-request");
        isProblem(report(allowed.get("id").asString(), CI, "{}"), 400, "invalid-request");
        isProblem(report(allowed.get("id").asString(), CI, "{\"result\":\"FAILED\",\"reason\":\"%s\"}"
                .formatted("x".repeat(2001))), 400, "invalid-request");

        assertThat(footprint()).isEqualTo(before);
        assertThat(outboxed("deployment.succeeded.v1", allowed.get("deploymentId").asString())).isZero();
    }

    @Test
    void a_pipeline_s_deployment_takes_no_outcome_from_the_deploy_target_callback() throws Exception {
        var gate = allowedGate();
        var deploymentId = gate.get("deploymentId").asString();

        isProblem(call(post("/api/v1/deployments/" + deploymentId + "/status").with(pipeline(CI))
                .header("X-Passerelle-Callback-Token", credentials.issue(UUID.fromString(deploymentId)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"SUCCEEDED\"}")), 409, "state-conflict");
        assertThat(outboxed("deployment.succeeded.v1", deploymentId)).isZero();
    }

    // --- who may

    @Test
    void gates_are_refused_without_a_token_or_the_role_and_a_pipeline_sees_only_its_own() throws Exception {
        var gate = openedGate();
        var id = gate.get("id").asString();
        var before = footprint();

        isProblem(call(post("/api/v1/gates").contentType(MediaType.APPLICATION_JSON)
                .content(gateRequest(sha(), "staging", ""))), 401, "unauthenticated");
        isProblem(call(get("/api/v1/gates/" + id)), 401, "unauthenticated");
        isProblem(call(post("/api/v1/gates/" + id + "/outcome").contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"SUCCEEDED\"}")), 401, "unauthenticated");
        for (var token : List.of(TestJwts.user("rhea", "release-manager"), TestJwts.user("alice", "change-manager"),
                TestJwts.user("sam", "service-desk"), TestJwts.user("prometheus", "monitoring"))) {
            isProblem(call(post("/api/v1/gates").with(token).contentType(MediaType.APPLICATION_JSON)
                    .content(gateRequest(sha(), "staging", ""))), 403, "forbidden");
        }
        isProblem(call(post("/api/v1/gates").with(TestJwts.user("ci", "pipeline"))
                .contentType(MediaType.APPLICATION_JSON).content(gateRequest(sha(), "staging", ""))), 403, "forbidden");
        isProblem(read(id, TestJwts.user("sam", "service-desk")), 403, "forbidden");
        isProblem(read(id, pipeline(OTHER_CI)), 403, "forbidden");
        isProblem(call(get("/api/v1/gates/" + id).param("wait", "30").with(pipeline(OTHER_CI))), 403, "forbidden");
        assertThat(footprint()).isEqualTo(before);

        read(id, pipeline(CI)).andExpect(status().isOk());
        read(id, TestJwts.user("rhea", "release-manager")).andExpect(status().isOk());
        read(id, TestJwts.user("alice", "change-manager")).andExpect(status().isOk())
                .andExpect(jsonPath("$.callbackSecret").doesNotExist());
        isProblem(read(UUID.randomUUID().toString(), pipeline(CI)), 404, "not-found");
    }

    // --- bad input

    @Test
    void bad_requests_are_refused_as_problems_and_write_nothing() throws Exception {
        var before = footprint();
        var sha = sha();

        isProblem(open(CI, gateRequest(sha, "no-such-environment", "")), 422, "rule-violated");
        isProblem(open(CI, gateRequest(sha, "staging", "").replace(service, "no-such-service")), 422, "rule-violated");
        isProblem(open(CI, gateRequest("XYZ-not-a-sha", "staging", "")), 400, "invalid-request");
        isProblem(open(CI, gateRequest(sha.toUpperCase(), "staging", "")), 400, "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "").replace("https://github.com", "github.com")), 400,
                "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "\"actor\":\"bob smith\"")), 400, "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "\"extra\":1")), 400, "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "\"evidence\":{\"artifactDigest\":\"sha256:nothex\"}")), 400,
                "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "\"callbackUrl\":\"http://good@169.254.169.254/\"")), 400,
                "invalid-request");
        isProblem(open(CI, gateRequest(sha, "staging", "\"callbackUrl\":\"http://169.254.169.254/latest/meta-data\"")),
                422, "rule-violated");
        isProblem(open(CI, gateRequest(sha, "staging", "\"callbackUrl\":\"http://10.0.0.5/hook\"")), 422,
                "rule-violated");
        isProblem(open(CI, "{\"service\":\"" + service + "\"}"), 400, "invalid-request");
        isProblem(open(CI, "not json"), 400, "invalid-request");
        var gate = openedGate();
        var afterOpening = footprint();
        for (var wait : List.of("61", "-1", "abc", "1.5")) {
            isProblem(call(get("/api/v1/gates/" + gate.get("id").asString()).param("wait", wait).with(pipeline(CI))),
                    400, "invalid-request");
        }
        isProblem(call(get("/api/v1/gates/not-a-uuid").with(pipeline(CI))), 400, "invalid-request");

        assertThat(before.get("release")).isZero();
        assertThat(afterOpening.get("gate")).isOne();
        assertThat(footprint()).isEqualTo(afterOpening);
    }

    // --- callbacks

    @Test
    void the_decision_is_posted_to_the_callback_url_signed_and_retried_until_delivered() throws Exception {
        var received = new CopyOnWriteArrayList<Map<String, String>>();
        var calls = new AtomicInteger();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(ReleaseServiceIntegrationTest.CALLBACK_RECEIVER.split(":")[1])), 0);
        receiver.createContext("/hooks/gate", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(Map.of("body", body, "signature", headers.getFirst("X-Passerelle-Signature"),
                    "timestamp", headers.getFirst("X-Passerelle-Timestamp"),
                    "delivery", headers.getFirst("X-Passerelle-Delivery"),
                    "event", headers.getFirst("X-Passerelle-Event")));
            // the first attempt meets a receiver in trouble; the next one is accepted
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var gate = opened(sha(), "production", "\"actor\":\"octocat\",\"callbackUrl\":\"http://"
                    + ReleaseServiceIntegrationTest.CALLBACK_RECEIVER + "/hooks/gate\"");
            var secret = gate.get("callbackSecret").asString();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
            var id = gate.get("id").asString();
            assertThat(jdbc.sql("select callback_secret_sealed from gate where id = cast(:id as uuid)").param("id", id)
                    .query(String.class).single()).isNotEqualTo(secret).doesNotContain(secret);
            read(id, pipeline(CI)).andExpect(jsonPath("$.callbackSecret").doesNotExist());

            var change = UUID.randomUUID().toString();
            authorize(gate.get("deploymentId").asString(), change);

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2);
            for (var call : received) {
                var signed = (call.get("timestamp") + "." + call.get("body")).getBytes(StandardCharsets.UTF_8);
                assertThat(HmacSha256.verify(secret, signed, call.get("signature"))).as("signature of %s", call).isTrue();
                assertThat(HmacSha256.verify("another-secret", signed, call.get("signature"))).isFalse();
                assertThat(Long.parseLong(call.get("timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                        Offset.offset(60L));
                assertThat(call.get("event")).isEqualTo("gate.decided");
            }
            assertThat(received.get(0).get("delivery")).isEqualTo(received.get(1).get("delivery"));
            var body = json.readTree(received.get(1).get("body"));
            assertThat(body.get("gateId").asString()).isEqualTo(id);
            assertThat(body.get("decision").asString()).isEqualTo("ALLOWED");
            assertThat(body.get("changeId").asString()).isEqualTo(change);
            EventContracts.assertConforms(CloudEvent.of("/passerelle/test", "gate.decided.v1", id, Instant.now(), body));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    select count(*) from gate_callback where gate_id = cast(:id as uuid) and state = 'DELIVERED'
                      and attempts = 2""").param("id", id).query(Integer.class).single() == 1);
        } finally {
            receiver.stop(0);
        }
    }

    // --- replays of what change-service really sends (api-specs/events/examples)

    @Test
    void a_recorded_change_raised_shows_the_change_behind_the_gate() throws Exception {
        var gate = openedGate();
        var change = UUID.randomUUID().toString();
        var data = (ObjectNode) EventContracts.recorded("change.raised.v1");
        data.put("changeId", change).put("deploymentId", gate.get("deploymentId").asString()).put("service", service)
                .put("environment", "production");

        events.publish("change.raised.v1", change, data);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> read(gate.get("id").asString(), pipeline(CI))
                .andExpect(jsonPath("$.changeId").value(change)));
    }
}
