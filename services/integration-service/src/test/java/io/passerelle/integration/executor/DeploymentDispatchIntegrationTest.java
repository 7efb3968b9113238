package io.passerelle.integration.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.passerelle.integration.TestCatalog;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class DeploymentDispatchIntegrationTest {

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CircuitBreakerRegistry breakers;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        service = TestCatalog.register(events, jdbc, "main");
    }

    CloudEvent requestDeployment(UUID deploymentId, String targetUrl) {
        return events.publish("deployment.requested.v1", deploymentId.toString(), Map.of(
                "deploymentId", deploymentId.toString(),
                "changeId", UUID.randomUUID().toString(),
                "service", service.service(),
                "environment", "prod",
                "version", "1.4.2",
                "commitSha", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                "target", Map.of("type", "webhook", "url", targetUrl),
                "requestedAt", Instant.now().toString()));
    }

    JsonNode awaitOutcome(String type, UUID deploymentId) {
        return EventContracts.assertConforms(events.await(type,
                data -> data.get("deploymentId").asString().equals(deploymentId.toString()))).data();
    }

    int outcomesFor(UUID deploymentId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :id and type like 'deployment.dispatch%'")
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
    void a_requested_deployment_is_posted_signed_to_its_target_and_dispatched() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            requestDeployment(deploymentId, target.url());

            var dispatched = awaitOutcome("deployment.dispatched.v1", deploymentId);
            assertThat(dispatched.get("attempts").asInt()).isEqualTo(1);
            assertThat(dispatched.get("targetUrl").asString()).isEqualTo(target.url());
            assertThat(dispatched.get("service").asString()).isEqualTo(service.service());
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "DISPATCHED").containsEntry("attempts", 1);

            var call = target.received().getFirst();
            assertSignedWithATimestamp(call);
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
            assertThat(call.header("X-Passerelle-Delivery")).isEqualTo(deploymentId.toString());
            assertThat(call.header("X-Passerelle-Event")).isEqualTo("deployment.requested");
            var body = json.readTree(call.body());
            assertThat(body.get("deploymentId").asString()).isEqualTo(deploymentId.toString());
            assertThat(body.get("service").asString()).isEqualTo(service.service());
            assertThat(body.get("environment").asString()).isEqualTo("prod");
            assertThat(body.get("version").asString()).isEqualTo("1.4.2");
            assertThat(body.get("commitSha").asString()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
            assertThat(body.get("changeId").asString()).isNotBlank();
            assertThat(body.get("callbackUrl").asString())
                    .isEqualTo("http://127.0.0.1:8080/api/v1/deployments/" + deploymentId + "/status");
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
            // ...and so is the claim: the row is visible, leased, with no attempt recorded yet
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "IN_FLIGHT").containsEntry("attempts", 0);
            assertThat(outcomesFor(deploymentId)).isZero();

            target.answer();
            assertThat(awaitOutcome("deployment.dispatched.v1", deploymentId).get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_redelivered_request_is_not_posted_twice() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            var request = requestDeployment(deploymentId, target.url());
            awaitOutcome("deployment.dispatched.v1", deploymentId);

            events.publish(request); // the same CloudEvent again: a redelivery
            requestDeployment(deploymentId, target.url()); // a new event for the same deployment

            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> target.received().size() == 1 && outcomesFor(deploymentId) == 1);
        }
    }

    @Test
    void a_target_failing_with_500_is_tried_three_times_then_dispatch_fails() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(500)) {
            requestDeployment(deploymentId, target.url());

            var failed = awaitOutcome("deployment.dispatch-failed.v1", deploymentId);
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get("reason").asString())
                    .isEqualTo("deploy target answered HTTP 500 on each of 3 attempts");
            assertThat(dispatchRow(deploymentId)).containsEntry("state", "FAILED").containsEntry("attempts", 3);
            var calls = target.received();
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(r -> r.header("X-Passerelle-Delivery")).containsOnly(deploymentId.toString());
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

            assertThat(awaitOutcome("deployment.dispatched.v1", deploymentId).get("attempts").asInt()).isEqualTo(2);
            assertThat(target.received()).hasSize(2);
            assertSignedWithATimestamp(target.received().get(1));
        }
    }

    @Test
    void a_target_refusing_with_400_is_not_retried() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(400)) {
            requestDeployment(deploymentId, target.url());

            var failed = awaitOutcome("deployment.dispatch-failed.v1", deploymentId);
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("reason").asString()).contains("HTTP 400").contains("not retried");
            assertThat(target.received()).hasSize(1);
        }
    }

    @Test
    void an_unreachable_target_fails_after_three_attempts() {
        var deploymentId = UUID.randomUUID();
        requestDeployment(deploymentId, "http://127.0.0.1:1/deploy"); // nothing listens on port 1

        var failed = awaitOutcome("deployment.dispatch-failed.v1", deploymentId);
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("reason").asString()).contains("unreachable").contains("each of 3 attempts");
        breakers.circuitBreaker("127.0.0.1:1").reset();
    }

    @Test
    void a_claim_whose_lease_expired_is_sent_again() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(200)) {
            // as left by an instance that died during the call: IN_FLIGHT, lease expired, no outcome
            var body = "{\"deploymentId\":\"" + deploymentId + "\",\"service\":\"" + service.service() + "\"}";
            var past = Timestamp.from(Instant.now().minusSeconds(5));
            jdbc.sql("""
                    insert into deployment_dispatch (deployment_id, service, environment, target_url, state, attempts,
                        body, requested_at, next_attempt_at, lease_until, updated_at)
                    values (:id, :service, 'prod', :url, 'IN_FLIGHT', 0, :body, :past, :past, :past, :past)""")
                    .param("id", deploymentId).param("service", service.service()).param("url", target.url())
                    .param("body", body).param("past", past).update();

            assertThat(awaitOutcome("deployment.dispatched.v1", deploymentId).get("attempts").asInt()).isEqualTo(1);
            var call = target.received().getFirst();
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo(body);
            assertSignedWithATimestamp(call);
            assertThat(call.header("X-Passerelle-Delivery")).isEqualTo(deploymentId.toString());
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

            assertThat(awaitOutcome("deployment.dispatched.v1", deploymentId).get("attempts").asInt()).isEqualTo(1);
            assertThat(target.received()).hasSize(1);
        } finally {
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }

    @Test
    void once_a_target_keeps_failing_its_circuit_opens_and_the_next_deployment_waits_without_calling_it()
            throws Exception {
        var second = UUID.randomUUID();
        try (var target = new FakeDeployTarget(503)) {
            var first = UUID.randomUUID();
            requestDeployment(first, target.url());
            assertThat(awaitOutcome("deployment.dispatch-failed.v1", first).get("attempts").asInt()).isEqualTo(3);

            requestDeployment(second, target.url());
            // 4th and 5th failed calls: the breaker opens (5 calls, 100 % failures); the 3rd attempt is not made
            await().atMost(Duration.ofSeconds(10)).until(() -> target.received().size() == 5);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() ->
                    target.received().size() == 5 && outcomesFor(second) == 0
                            && dispatchRow(second).get("state").equals("PENDING")
                            && dispatchRow(second).get("attempts").equals(2));
            assertThat(dispatchRow(second).get("reason")).isEqualTo("answered HTTP 503");
        } finally {
            jdbc.sql("delete from deployment_dispatch where deployment_id = :id").param("id", second).update();
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }
}
