package io.passerelle.integration.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.passerelle.integration.TestCatalog;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
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

    @Test
    void a_requested_deployment_is_posted_signed_to_its_target_and_dispatched() throws Exception {
        var deploymentId = UUID.randomUUID();
        try (var target = new FakeDeployTarget(202)) {
            requestDeployment(deploymentId, target.url());

            var dispatched = awaitOutcome("deployment.dispatched.v1", deploymentId);
            assertThat(dispatched.get("attempts").asInt()).isEqualTo(1);
            assertThat(dispatched.get("targetUrl").asString()).isEqualTo(target.url());
            assertThat(dispatched.get("service").asString()).isEqualTo(service.service());

            var call = target.received().getFirst();
            assertThat(HmacSha256.verify(service.secret(), call.body(), call.header("X-Passerelle-Signature-256")))
                    .as("signature verifies over the received bytes with the service's secret").isTrue();
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
            assertThat(call.header("X-Passerelle-Delivery")).isEqualTo(deploymentId.toString());
            assertThat(call.header("X-Passerelle-Event")).isEqualTo("deployment.requested");
            assertThat(Long.parseLong(call.header("X-Passerelle-Timestamp")))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
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
            assertThat(failed.get("reason").asString()).contains("HTTP 500").contains("3 attempt");
            var calls = target.received();
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(r -> r.header("X-Passerelle-Delivery")).containsOnly(deploymentId.toString());
            // exponential backoff from 200 ms: about 200 ms, then about 400 ms
            long firstWait = Duration.ofNanos(calls.get(1).nanos() - calls.get(0).nanos()).toMillis();
            long secondWait = Duration.ofNanos(calls.get(2).nanos() - calls.get(1).nanos()).toMillis();
            assertThat(firstWait).isBetween(190L, 390L);
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
        assertThat(failed.get("reason").asString()).contains("unreachable");
        breakers.circuitBreaker("127.0.0.1:1").reset();
    }

    @Test
    void once_a_target_keeps_failing_its_circuit_opens_and_it_is_no_longer_called() throws Exception {
        try (var target = new FakeDeployTarget(503)) {
            var first = UUID.randomUUID();
            requestDeployment(first, target.url());
            assertThat(awaitOutcome("deployment.dispatch-failed.v1", first).get("attempts").asInt()).isEqualTo(3);
            var second = UUID.randomUUID();
            requestDeployment(second, target.url());
            awaitOutcome("deployment.dispatch-failed.v1", second); // the 5th failed call opens the circuit
            var third = UUID.randomUUID();
            requestDeployment(third, target.url());

            var failed = awaitOutcome("deployment.dispatch-failed.v1", third);
            assertThat(failed.get("attempts").asInt()).isZero();
            assertThat(failed.get("reason").asString()).contains("circuit breaker for " + target.authority());
            assertThat(target.received()).hasSize(5);
        } finally {
            breakers.getAllCircuitBreakers().forEach(b -> b.reset());
        }
    }
}
