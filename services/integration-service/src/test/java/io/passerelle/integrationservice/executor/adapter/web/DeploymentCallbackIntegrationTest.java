package io.passerelle.integrationservice.executor.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SignedDelivery;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The webhook executor's callback over HTTP and PostgreSQL: signed per deployment, replays and forgeries refused,
 * late duplicates said so, a report after the deadline refused naming the timeout; every refusal problem+json with
 * nothing written.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class DeploymentCallbackIntegrationTest {

    static final String PROBLEMS = "https://passerelle.io/problems/";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired EventProbe events;
    @Autowired CallbackCredentials credentials;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        service = TestCatalog.register(events, jdbc, "main");
    }

    /** A dispatch the target accepted, due by {@code deadline}: what the callback finds. */
    UUID dispatched(Instant deadline) {
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into deployment_dispatch (deployment_id, service, environment, target_url, state, attempts,
                    body, requested_at, updated_at, executor, deadline)
                values (:id, :service, 'prod', 'https://deploy.example/hooks', 'DISPATCHED', 1, '{}', :now, :now,
                    'webhook', :deadline)""")
                .param("id", id).param("service", service.service()).param("now", now)
                .param("deadline", Timestamp.from(deadline)).update();
        return id;
    }

    UUID dispatched() {
        return dispatched(Instant.now().plusSeconds(1800));
    }

    static String body(UUID deliveryId, String state, @Nullable String reason) {
        return "{\"deliveryId\":\"" + deliveryId + "\",\"state\":\"" + state + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    /** Signed as a target does: HMAC-SHA256 keyed with {@code key} over "<timestamp>." and the body. */
    ResultActions callback(UUID deploymentId, String key, long timestamp, String body) throws Exception {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var signature = HmacSha256.sign(key, SignedDelivery.signedContent(Long.toString(timestamp), bytes));
        return mvc.perform(post("/api/v1/executors/webhook/deployments/" + deploymentId + "/outcome")
                .with(TestJwts.user("passerelle-ci", "pipeline"))
                .header("X-Passerelle-Timestamp", Long.toString(timestamp))
                .header("X-Passerelle-Signature-256", signature)
                .contentType(MediaType.APPLICATION_JSON).content(bytes));
    }

    ResultActions callback(UUID deploymentId, String body) throws Exception {
        return callback(deploymentId, credentials.issue(deploymentId), Instant.now().getEpochSecond(), body);
    }

    static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + type));
    }

    /** Everything the callback may write about the deployment: its row and its events. */
    List<Object> footprint(UUID deploymentId) {
        return List.of(jdbc.sql("select * from deployment_dispatch where deployment_id = :id").param("id", deploymentId)
                .query().singleRow(), jdbc.sql("select count(*) from outbox_event where subject = :id")
                .param("id", deploymentId.toString()).query(Integer.class).single());
    }

    @Test
    void a_signed_outcome_is_recorded_once_and_published_as_the_one_outcome_event() throws Exception {
        var id = dispatched();
        var delivery = UUID.randomUUID();

        callback(id, body(delivery, "FAILED", "health check failed")).andExpect(status().isOk())
                .andExpect(jsonPath("$.deploymentId").value(id.toString()))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.result").value("recorded"));

        var reported = EventContracts.assertConforms(events.await("deployment.outcome-reported.v1",
                d -> d.get("deploymentId").asString().equals(id.toString()))).data();
        assertThat(reported.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(reported.get("reason").asString()).isEqualTo("health check failed");
        assertThat(reported.get("source").asString()).isEqualTo("callback");
        assertThat(reported.get("deliveryId").asString()).isEqualTo(delivery.toString());
        assertThat(reported.get("service").asString()).isEqualTo(service.service());
        assertThat(jdbc.sql("select state, outcome, outcome_delivery_id from deployment_dispatch where deployment_id = :id")
                .param("id", id).query().singleRow())
                .containsEntry("state", "SETTLED").containsEntry("outcome", "FAILED")
                .containsEntry("outcome_delivery_id", delivery);
    }

    @Test
    void a_replayed_delivery_is_refused_and_a_retry_in_a_new_delivery_is_a_late_duplicate_said_so() throws Exception {
        var id = dispatched();
        var delivery = UUID.randomUUID();
        long signedAt = Instant.now().getEpochSecond();
        var original = body(delivery, "SUCCEEDED", null);
        callback(id, credentials.issue(id), signedAt, original).andExpect(status().isOk());
        var after = footprint(id);

        problem(callback(id, credentials.issue(id), signedAt, original), 409, "replayed-delivery");
        problem(callback(id, body(delivery, "SUCCEEDED", null)), 409, "replayed-delivery");
        callback(id, body(UUID.randomUUID(), "SUCCEEDED", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("already-recorded"));
        problem(callback(id, body(UUID.randomUUID(), "FAILED", "late")), 409, "state-conflict");

        assertThat(footprint(id)).isEqualTo(after);
    }

    @Test
    void a_forged_callback_or_one_signed_with_another_deployment_s_credential_is_refused_and_writes_nothing()
            throws Exception {
        var id = dispatched();
        var other = dispatched();
        var before = footprint(id);
        var now = Instant.now().getEpochSecond();
        var report = body(UUID.randomUUID(), "SUCCEEDED", null);

        problem(callback(id, credentials.issue(other), now, report), 403, "callback-signature");
        problem(callback(id, "a-guessed-key", now, report), 403, "callback-signature");
        var signedElsewhere = report.getBytes(StandardCharsets.UTF_8);
        problem(mvc.perform(post("/api/v1/executors/webhook/deployments/" + id + "/outcome")
                .with(TestJwts.user("passerelle-ci", "pipeline"))
                .header("X-Passerelle-Timestamp", Long.toString(now))
                .header("X-Passerelle-Signature-256", HmacSha256.sign(credentials.issue(id),
                        SignedDelivery.signedContent(Long.toString(now), body(UUID.randomUUID(), "FAILED", null)
                                .getBytes(StandardCharsets.UTF_8))))
                .contentType(MediaType.APPLICATION_JSON).content(signedElsewhere)), 403, "callback-signature");
        problem(mvc.perform(post("/api/v1/executors/webhook/deployments/" + id + "/outcome")
                .with(TestJwts.user("passerelle-ci", "pipeline"))
                .contentType(MediaType.APPLICATION_JSON).content(report)), 401, "callback-signature");

        assertThat(footprint(id)).isEqualTo(before);
        assertThat(footprint(other).get(1)).isEqualTo(0);
    }

    @Test
    void a_callback_signed_outside_the_five_minute_window_is_refused_as_a_replay_would_be() throws Exception {
        var id = dispatched();
        var before = footprint(id);
        var report = body(UUID.randomUUID(), "SUCCEEDED", null);

        problem(callback(id, credentials.issue(id), Instant.now().minusSeconds(301).getEpochSecond(), report), 401,
                "callback-signature");
        problem(callback(id, credentials.issue(id), Instant.now().plusSeconds(301).getEpochSecond(), report), 401,
                "callback-signature");

        assertThat(footprint(id)).isEqualTo(before);
    }

    @Test
    void an_outcome_after_the_deadline_is_refused_naming_the_timeout_and_writes_nothing() throws Exception {
        var id = dispatched(Instant.now().minusSeconds(1));
        var before = footprint(id);

        problem(callback(id, body(UUID.randomUUID(), "SUCCEEDED", null)), 409, "deployment-timed-out")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("deployment timeout")));

        assertThat(footprint(id)).isEqualTo(before);
    }

    @Test
    void after_release_service_failed_it_on_timeout_another_outcome_is_a_conflict_naming_that_reason()
            throws Exception {
        var id = dispatched();
        var failed = Map.<String, Object>of("deploymentId", id.toString(), "releaseId", UUID.randomUUID().toString(),
                "service", service.service(), "environment", "prod", "version", "1.4.2",
                "commitSha", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                "reason", "no outcome within 30m of its authorization at 2026-03-01T10:00:00Z",
                "finishedAt", Instant.now().toString());
        EventContracts.assertConforms(events.publish("deployment.failed.v1", id.toString(), failed));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> "SETTLED".equals(
                jdbc.sql("select state from deployment_dispatch where deployment_id = :id").param("id", id)
                        .query(String.class).single()));

        problem(callback(id, body(UUID.randomUUID(), "SUCCEEDED", null)), 409, "state-conflict")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no outcome within 30m")));
        callback(id, body(UUID.randomUUID(), "FAILED", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("already-recorded"));
    }

    @Test
    void a_bad_body_an_unknown_deployment_or_a_caller_without_the_role_is_refused_and_writes_nothing()
            throws Exception {
        var id = dispatched();
        var before = footprint(id);

        problem(callback(id, "{\"deliveryId\":\"" + UUID.randomUUID() + "\",\"state\":\"DONE\"}"), 400,
                "invalid-request");
        problem(callback(id, "{\"state\":\"SUCCEEDED\"}"), 400, "invalid-request");
        problem(callback(id, "{\"deliveryId\":\"" + UUID.randomUUID() + "\",\"state\":\"SUCCEEDED\",\"extra\":1}"),
                400, "invalid-request");
        problem(callback(id, "not json"), 400, "invalid-request");
        var unknown = UUID.randomUUID();
        problem(callback(unknown, body(UUID.randomUUID(), "SUCCEEDED", null)), 404, "not-found");
        var report = body(UUID.randomUUID(), "SUCCEEDED", null).getBytes(StandardCharsets.UTF_8);
        var now = Long.toString(Instant.now().getEpochSecond());
        var signature = HmacSha256.sign(credentials.issue(id), SignedDelivery.signedContent(now, report));
        problem(mvc.perform(post("/api/v1/executors/webhook/deployments/" + id + "/outcome")
                .with(TestJwts.user("rhea", "release-manager"))
                .header("X-Passerelle-Timestamp", now).header("X-Passerelle-Signature-256", signature)
                .contentType(MediaType.APPLICATION_JSON).content(report)), 403, "forbidden");
        mvc.perform(post("/api/v1/executors/webhook/deployments/" + id + "/outcome")
                .header("X-Passerelle-Timestamp", now).header("X-Passerelle-Signature-256", signature)
                .contentType(MediaType.APPLICATION_JSON).content(report)).andExpect(status().isUnauthorized());

        assertThat(footprint(id)).isEqualTo(before);
    }
}
