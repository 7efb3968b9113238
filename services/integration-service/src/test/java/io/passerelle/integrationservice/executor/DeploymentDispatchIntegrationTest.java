package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class DeploymentDispatchIntegrationTest {

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CircuitBreakerRegistry breakers;
    @Autowired MockMvc mvc;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        service = TestCatalog.register(events, jdbc, "main");
    }

    CloudEvent requestDeployment(UUID deploymentId, String targetUrl) {
        return events.publish("deployment.requested.v1", deploymentId.toString(), request(deploymentId, targetUrl));
    }

    Map<String, Object> request(UUID deploymentId, String targetUrl) {
        return Map.of(
                "deploymentId", deploymentId.toString(),
                "changeId", UUID.randomUUID().toString(),
                "service", service.service(),
                "environment", "prod",
                "version", "1.4.2",
                "commitSha", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                "target", Map.of("type", "webhook", "url", targetUrl),
                "requestedAt", Instant.now().toString(),
                "deadline", Instant.now().plusSeconds(1800).toString());
    }

    /** The target accepted the request: the row is DISPATCHED (no event: the outcome comes on the callback). */
    JsonNode awaitDispatched(UUID deploymentId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from deployment_dispatch where deployment_id = :id and state = 'DISPATCHED'")
                .param("id", deploymentId).query(Integer.class).single() == 1);
        var row = jdbc.sql("select attempts, target_url, service from deployment_dispatch where deployment_id = :id")
                .param("id", deploymentId).query().singleRow();
        return json.valueToTree(Map.of("attempts", row.get("attempts"), "targetUrl", row.get("target_url"),
                "service", row.get("service")));
    }

    /** The request could not be sent: the deployment's outcome, FAILED, with the row's attempts beside it. */
    JsonNode awaitDispatchFailed(UUID deploymentId) {
        var data = EventContracts.assertConforms(events.await("deployment.outcome-reported.v1",
                d -> d.get("deploymentId").asString().equals(deploymentId.toString()))).data();
        assertThat(data.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(data.get("source").asString()).isEqualTo("dispatch");
        assertThat(data.get("executor").asString()).isEqualTo("webhook");
        var failed = ((tools.jackson.databind.node.ObjectNode) data).deepCopy();
        failed.put("attempts", (Integer) dispatchRow(deploymentId).get("attempts"));
        return failed;
    }

    int outcomesFor(UUID deploymentId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :id and type = 'deployment.outcome-reported.v1'")
                .param("id", deploymentId.toString()).query(Integer.class).single();
    }

    Map<String, Object> dispatchRow(UUID deploymentId) {
        return jdbc.sql("select state, attempts, reason from deployment_dispatch where deployment_id = :id")
                .param("id", deploymentId).query().singleRow();
    }

    /** What a target verifies: HMAC-SHA256 over "<X-Passerelle-Timestamp>." then the raw body, fresh timestamp. */
    void assertSignedWithATimestamp(FakeDeployTarget.Received call) {
        var timestamp = call.header("X-Passerelle-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var signed = Arrays.copyOf(prefix, prefix.length + call.body().length);
        System.arraycopy(call.body(), 0, signed, prefix.length, call.body().length);
        assertThat(HmacSha256.verify(service.secret(), signed, call.header("X-Passerelle-Signature-256")))
                .as("signature over timestamp + '.' + received bytes, with the service's secret").isTrue();
    }

    @Test
    void a_requested_deployment_is_posted_signed_to_its_target_and_dispatched_without_an_event() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            requestDeployment(deploymentId, target.url());

            var dispatched = awaitDispatched(deploymentId);
            assertThat(dispatched.get("attempts").asInt()).isEqualTo(1);
            assertThat(dispatched.get("targetUrl").asString()).isEqualTo(target.url());
            assertThat(dispatched.get("service").asString()).isEqualTo(service.service());
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "DISPATCHED").containsEntry("attempts", 1);
            assertThat(outcomesFor(deploymentId)).as("the outcome comes on the callback").isZero();

            var call = target.received().getFirst();
            assertSignedWithATimestamp(call);
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
            assertThat(call.header("X-Passerelle-Delivery")).isEqualTo(deploymentId.toString());
            assertThat(call.header("Idempotency-Key")).isEqualTo(deploymentId.toString());
            assertThat(call.header("X-Passerelle-Event")).isEqualTo("deployment.requested");
            assertThat(call.header("Host")).as("the name the URL gave, though the address was pinned")
                    .isEqualTo(target.authority());
            assertThat(call.header("traceparent")).as("the call is traced (W3C trace context)")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            var body = json.readTree(call.body());
            assertThat(body.get("deploymentId").asString()).isEqualTo(deploymentId.toString());
            assertThat(body.get("service").asString()).isEqualTo(service.service());
            assertThat(body.get("environment").asString()).isEqualTo("prod");
            assertThat(body.get("version").asString()).isEqualTo("1.4.2");
            assertThat(body.get("commitSha").asString()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
            assertThat(body.get("changeId").asString()).isNotBlank();
            assertThat(body.get("callbackUrl").asString())
                    .isEqualTo("http://127.0.0.1:8080/api/v1/executors/webhook/deployments/" + deploymentId + "/outcome");
        }
    }

    @Test
    void the_deploy_call_and_a_failed_dispatch_s_outcome_continue_the_trace_the_deployment_was_requested_in()
            throws Exception {
        var deploymentId = UUID.randomUUID();
        var traceId = UUID.randomUUID().toString().replace("-", "");
        try (var target = new FakeDeployTarget(404)) {
            EventContracts.assertConforms(events.publishUnchecked("deployment.requested.v1", deploymentId.toString(),
                    request(deploymentId, target.url()), "00-" + traceId + "-b7ad6b7169203331-01"));

            var failed = events.await("deployment.outcome-reported.v1",
                    data -> data.get("deploymentId").asString().equals(deploymentId.toString()));
            assertThat(target.received().getFirst().header("traceparent")).startsWith("00-" + traceId + "-");
            assertThat(events.traceparentOf(failed)).hasValueSatisfying(
                    carried -> assertThat(carried).startsWith("00-" + traceId + "-"));
        }
    }

    @Test
    void deploy_calls_by_outcome_and_circuit_breaker_states_are_scraped_by_an_operator() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            requestDeployment(deploymentId, target.url());
            awaitDispatched(deploymentId);

            var metrics = mvc.perform(get("/actuator/prometheus").with(TestJwts.user("ops", "operator")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(metrics)
                    .containsPattern("passerelle_deploy_calls_total\\{[^}]*outcome=\"accepted\"[^}]*} [1-9]")
                    .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"" + target.authority()
                            + "\"[^}]*state=\"closed\"[^}]*} 1")
                    .contains("httpcomponents_httpclient_request_seconds_count");
        }
    }

    @Test
    void the_handler_commits_before_the_target_is_called_and_the_call_holds_no_transaction() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            target.holdAnswers();
            var request = requestDeployment(deploymentId, target.url());

            await().atMost(Duration.ofSeconds(10)).until(() -> target.received().size() == 1);
            // the target has the POST and has not answered: the inbox transaction is already committed...
            assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id")
                    .param("id", request.id()).query(Integer.class).single()).isEqualTo(1);
            // ...and so is the claim: the row is visible, leased, and the attempt is counted before its answer
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "IN_FLIGHT").containsEntry("attempts", 1);
            assertThat(outcomesFor(deploymentId)).isZero();

            target.answer();
            assertThat(awaitDispatched(deploymentId).get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_redelivered_request_is_not_posted_twice() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            var request = requestDeployment(deploymentId, target.url());
            awaitDispatched(deploymentId);

            events.publish(request); // the same CloudEvent again: a redelivery
            requestDeployment(deploymentId, target.url()); // a new event for the same deployment

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.received().size() == 1 && outcomesFor(deploymentId) == 0
                            && "DISPATCHED".equals(dispatchRow(deploymentId).get("state")));
        }
    }

    @Test
    void a_target_failing_with_500_is_tried_three_times_then_dispatch_fails() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(500)) {
            requestDeployment(deploymentId, target.url());

            var failed = awaitDispatchFailed(deploymentId);
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get("reason").asString())
                    .isEqualTo("deploy target answered HTTP 500 on each of 3 attempts");
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "FAILED").containsEntry("attempts", 3);
            var calls = target.received();
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(r -> r.header("X-Passerelle-Delivery")).containsOnly(deploymentId.toString());
            assertThat(calls).extracting(r -> r.header("Idempotency-Key")).containsOnly(deploymentId.toString());
            assertThat(calls).extracting(FakeDeployTarget.Received::body)
                    .allSatisfy(body -> assertThat(body).isEqualTo(calls.getFirst().body()));
            // backoff between attempts, from 200 ms doubling: about 200 ms, then about 400 ms
            long firstWait = Duration.ofNanos(calls.get(1).nanos() - calls.get(0).nanos()).toMillis();
            long secondWait = Duration.ofNanos(calls.get(2).nanos() - calls.get(1).nanos()).toMillis();
            assertThat(firstWait).isBetween(190L, 450L);
            assertThat(secondWait).isGreaterThanOrEqualTo(390L).isGreaterThan(firstWait);
        } finally {
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }

    @Test
    void a_target_that_recovers_on_the_second_attempt_is_dispatched() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(503, 201)) {
            requestDeployment(deploymentId, target.url());

            assertThat(awaitDispatched(deploymentId).get("attempts").asInt()).isEqualTo(2);
            assertThat(target.received()).hasSize(2);
            assertSignedWithATimestamp(target.received().get(1));
        }
    }

    @Test
    void a_target_refusing_with_400_is_not_retried() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(400)) {
            requestDeployment(deploymentId, target.url());

            var failed = awaitDispatchFailed(deploymentId);
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("reason").asString()).contains("HTTP 400").contains("not retried");
            assertThat(target.received()).hasSize(1);
        }
    }

    @Test
    void an_unreachable_target_fails_after_three_attempts() {
        var deploymentId = UUID.randomUUID();
        requestDeployment(deploymentId, "http://127.0.0.1:1/deploy"); // nothing listens on port 1

        var failed = awaitDispatchFailed(deploymentId);
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("reason").asString()).contains("unreachable").contains("each of 3 attempts");
        breakers.circuitBreaker("127.0.0.1:1").reset();
    }

    /** A row as left by an instance, written directly: the crash cases cannot be reached through the bus. */
    void insertDispatch(UUID deploymentId, String state, int attempts, String targetUrl, Instant requestedAt,
            Instant due, Instant leaseUntil, String reason) {
        // the deploy call as RequestDispatch records it (and as the webhook body always was)
        var body = json.writeValueAsString(TestClaims.call(deploymentId, service.service(), "prod"));
        jdbc.sql("""
                insert into deployment_dispatch (deployment_id, service, environment, target_url, state, attempts,
                    reason, body, requested_at, next_attempt_at, lease_until, updated_at)
                values (:id, :service, 'prod', :url, :state, :attempts, :reason, :body, :requested, :due, :lease,
                    :requested)""")
                .param("id", deploymentId).param("service", service.service()).param("url", targetUrl)
                .param("state", state).param("attempts", attempts).param("reason", reason).param("body", body)
                .param("requested", Timestamp.from(requestedAt)).param("due", Timestamp.from(due))
                .param("lease", state.equals("IN_FLIGHT") ? Timestamp.from(leaseUntil) : null).update();
    }

    CloudEvent reportOutcome(String type, UUID deploymentId) {
        var data = new java.util.HashMap<String, Object>(Map.of(
                "deploymentId", deploymentId.toString(),
                "releaseId", UUID.randomUUID().toString(),
                "changeId", UUID.randomUUID().toString(),
                "service", service.service(),
                "environment", "prod",
                "version", "1.4.2",
                "commitSha", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                "finishedAt", Instant.now().toString()));
        if (type.equals("deployment.failed.v1")) {
            data.put("reason", "the target reported FAILED");
        }
        return EventContracts.assertConforms(events.publish(type, deploymentId.toString(), data));
    }

    @Test
    void a_claim_whose_lease_expired_is_sent_again_and_the_lost_call_counts() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            // as left by an instance that died during its first call: IN_FLIGHT, that call counted, lease expired
            var past = Instant.now().minusSeconds(5);
            insertDispatch(deploymentId, "IN_FLIGHT", 1, target.url(), past, past, past, null);

            assertThat(awaitDispatched(deploymentId).get("attempts").asInt()).isEqualTo(2);
            var call = target.received().getFirst();
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains(deploymentId.toString());
            assertSignedWithATimestamp(call);
            assertThat(call.header("X-Passerelle-Delivery")).isEqualTo(deploymentId.toString());
            assertThat(call.header("Idempotency-Key")).isEqualTo(deploymentId.toString());
        }
    }

    /** Issue 5, defect 10: the target answered 202, the instance died before recording it, the target reported. */
    @Test
    void a_deployment_whose_outcome_was_reported_is_not_called_again_when_the_lost_claims_lease_expires()
            throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            var now = Instant.now();
            insertDispatch(deploymentId, "IN_FLIGHT", 1, target.url(), now, now, now.plusSeconds(2), null);

            reportOutcome("deployment.succeeded.v1", deploymentId);

            await().atMost(Duration.ofSeconds(10)).until(() -> dispatchRow(deploymentId).get("state").equals("SETTLED"));
            assertThat(jdbc.sql("select outcome from deployment_dispatch where deployment_id = :id")
                    .param("id", deploymentId).query(String.class).single()).isEqualTo("SUCCEEDED");
            // the lease runs out 2 s after the crash: nothing is claimed, called, nor published after it
            await().during(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(6)).until(() ->
                    target.received().isEmpty() && outcomesFor(deploymentId) == 0
                            && dispatchRow(deploymentId).get("state").equals("SETTLED"));
            assertThat(dispatchRow(deploymentId)).containsEntry("attempts", 1);
        }
    }

    /** Issue 5, defect 10: a deployment got 4 calls with max-attempts 3 when the 3rd call's answer was lost. */
    @Test
    void a_lost_answer_to_the_last_allowed_call_is_never_followed_by_another_call() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            var requested = Instant.now().minusSeconds(3);
            var expired = Instant.now().minusSeconds(1);
            insertDispatch(deploymentId, "IN_FLIGHT", 3, target.url(), requested, requested, expired,
                    "answered HTTP 503");

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() ->
                    target.received().isEmpty() && dispatchRow(deploymentId).get("state").equals("PENDING"));
            // it awaits the outcome the target may still report, until give-up-after (10 m) since the request
            assertThat(dispatchRow(deploymentId)).containsEntry("attempts", 3);
            assertThat(jdbc.sql("select next_attempt_at from deployment_dispatch where deployment_id = :id")
                    .param("id", deploymentId).query(Timestamp.class).single().toInstant())
                    .isCloseTo(requested.plus(Duration.ofMinutes(10)), within(1, ChronoUnit.MILLIS));
            assertThat(outcomesFor(deploymentId)).isZero();
        } finally {
            jdbc.sql("delete from deployment_dispatch where deployment_id = :id").param("id", deploymentId).update();
        }
    }

    @Test
    void a_reported_failure_settles_a_dispatch_waiting_for_its_retry_and_a_redelivery_changes_nothing()
            throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            var now = Instant.now();
            insertDispatch(deploymentId, "PENDING", 1, target.url(), now, now.plusSeconds(3), now,
                    "answered HTTP 503");

            var failed = reportOutcome("deployment.failed.v1", deploymentId);
            await().atMost(Duration.ofSeconds(10)).until(() -> dispatchRow(deploymentId).get("state").equals("SETTLED"));
            events.publish(failed); // the same event again

            await().during(Duration.ofMillis(4000)).atMost(Duration.ofSeconds(8)).until(() ->
                    target.received().isEmpty() && dispatchRow(deploymentId).get("state").equals("SETTLED"));
            assertThat(jdbc.sql("select outcome from deployment_dispatch where deployment_id = :id")
                    .param("id", deploymentId).query(String.class).single()).isEqualTo("FAILED");
            assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id")
                    .param("id", failed.id()).query(Integer.class).single()).isEqualTo(1);
            assertThat(dispatchRow(deploymentId)).as("the outcome's reason replaces how the attempts failed")
                    .containsEntry("attempts", 1).containsEntry("reason", "the target reported FAILED");
        }
    }

    @Test
    void a_reported_outcome_for_a_deployment_never_dispatched_here_is_consumed_without_effect() {
        var deploymentId = UUID.randomUUID();

        var succeeded = reportOutcome("deployment.succeeded.v1", deploymentId);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", succeeded.id())
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from deployment_dispatch where deployment_id = :id")
                .param("id", deploymentId).query(Integer.class).single()).isZero();
    }

    /** Issue 5, defect 3: whatever the release manager registered, Passerelle does not call inside. */
    @Test
    void a_deploy_target_aimed_at_the_metadata_service_is_never_called() {
        for (var url : new String[] { "http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/",
                "http://[fd00:ec2::254]/latest/meta-data", "http://metadata.google.internal/computeMetadata/v1/",
                "http://good@127.0.0.1:1/deploy", "http://0x7f000001:1/deploy" }) {
            var deploymentId = UUID.randomUUID();
            requestDeployment(deploymentId, url);

            var failed = awaitDispatchFailed(deploymentId);
            assertThat(failed.get("attempts").asInt()).isZero();
            assertThat(failed.get("reason").asString()).startsWith("deploy target");
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "FAILED").containsEntry("attempts", 0);
        }
    }

    @Test
    void an_open_circuit_makes_the_dispatch_wait_for_the_target_instead_of_failing() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            // the target's breaker, as configured but coming back after 1 s, forced open
            var breaker = breakers.circuitBreaker(target.authority(), CircuitBreakerConfig
                    .from(breakers.getConfiguration("deploy-target").orElseThrow())
                    .waitDurationInOpenState(Duration.ofSeconds(1)).build());
            breaker.transitionToForcedOpenState();
            requestDeployment(deploymentId, target.url());

            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from deployment_dispatch where deployment_id = :id").param("id", deploymentId)
                    .query(Integer.class).single() == 1);
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() ->
                    target.received().isEmpty() && outcomesFor(deploymentId) == 0
                            && dispatchRow(deploymentId).get("attempts").equals(0)
                            && !dispatchRow(deploymentId).get("state").equals("FAILED"));

            breaker.transitionToClosedState();

            assertThat(awaitDispatched(deploymentId).get("attempts").asInt()).isEqualTo(1);
            assertThat(target.received()).hasSize(1);
        } finally {
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }

    @Test
    void once_a_target_keeps_failing_its_circuit_opens_and_the_next_deployment_waits_without_failing_early()
            throws Exception {
        var deployments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (var target = new FakeDeployTarget(503)) {
            for (var deploymentId : deployments.subList(0, 3)) {
                requestDeployment(deploymentId, target.url());
                assertThat(awaitDispatchFailed(deploymentId).get("attempts").asInt())
                        .isEqualTo(3);
            }
            var waiting = deployments.get(3);
            requestDeployment(waiting, target.url());
            // its 1st call is the target's 10th failure in a row: the breaker opens (10 calls, over 80 % failed)...
            await().atMost(Duration.ofSeconds(10)).until(() -> target.received().size() == 10);
            // ...and refuses its 2nd: not an attempt, and no failure either; it comes back once the breaker may admit
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() ->
                    target.received().size() == 10 && outcomesFor(waiting) == 0
                            && dispatchRow(waiting).get("state").equals("PENDING")
                            && dispatchRow(waiting).get("attempts").equals(1));
            assertThat(dispatchRow(waiting).get("reason")).isEqualTo("answered HTTP 503");
            assertThat(jdbc.sql("select next_attempt_at from deployment_dispatch where deployment_id = :id")
                    .param("id", waiting).query(Timestamp.class).single().toInstant())
                    .as("when the breaker's 10 s are over, plus jitter")
                    .isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(13));
        } finally {
            deployments.forEach(id -> jdbc.sql("delete from deployment_dispatch where deployment_id = :id")
                    .param("id", id).update());
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }
}
