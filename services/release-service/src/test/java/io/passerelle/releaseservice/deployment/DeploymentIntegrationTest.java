package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.Catalogued;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/** The golden path through release-service, driven through RabbitMQ and HTTP only. */
@ReleaseServiceIntegrationTest
class DeploymentIntegrationTest {

    static final String STAGING_URL = Catalogued.STAGING_URL;
    static final String PRODUCTION_URL = Catalogued.PRODUCTION_URL;
    static final SecureRandom RANDOM = new SecureRandom();

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    String service;

    @BeforeEach
    void registerService() throws Exception {
        service = Catalogued.register(mvc, "svc", List.of());
    }

    static String commitSha() {
        var bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    CloudEvent pipelineSucceeded(String service, String sha, String actor) {
        return EventContracts.assertConforms(events.publish("pipeline.succeeded.v1", sha,
                pipelineRun(service, sha, actor)));
    }

    /** The data of a green pipeline.succeeded.v1 of the service's repository (acme/&lt;service&gt;). */
    static Map<String, Object> pipelineRun(String service, String sha, String actor) {
        var data = new LinkedHashMap<String, Object>();
        data.put("service", service);
        data.put("repository", "acme/" + service);
        data.put("branch", "main");
        data.put("commitSha", sha);
        data.put("runId", UUID.randomUUID().toString());
        data.put("runUrl", "https://github.com/acme/" + service + "/actions/runs/42");
        data.put("pipelineName", "ci");
        data.put("actor", actor);
        data.put("provider", "github");
        data.put("deliveryId", UUID.randomUUID().toString());
        data.put("finishedAt", Instant.now().toString());
        return data;
    }

    CloudEvent published(String type, String field, String value) {
        return EventContracts.assertConforms(events.await(type, d -> d.has(field) && d.get(field).asString().equals(value)));
    }

    /** A green pipeline → planned into staging; returns the deployment id. */
    String planStaging(String sha) {
        pipelineSucceeded(service, sha, "octocat");
        var planned = published("deployment.planned.v1", "commitSha", sha);
        return planned.data().get("deploymentId").asString();
    }

    CloudEvent authorize(String deploymentId, String changeId) {
        return EventContracts.assertConforms(events.publish("change.authorized.v1", changeId, Map.of(
                "changeId", changeId, "type", "STANDARD", "service", service, "environment", "staging",
                "deploymentId", deploymentId, "authorizedBy", "change-service", "authorizedAt", Instant.now().toString())));
    }

    /** Planned into staging and authorized: IN_PROGRESS at once, requested from its executor. */
    String requestedStaging() {
        var id = planStaging(commitSha());
        authorize(id, UUID.randomUUID().toString());
        published("deployment.requested.v1", "deploymentId", id);
        awaitState(id, "IN_PROGRESS");
        return id;
    }

    /** integration-service's executor reports the outcome (its callback took it, or the request failed). */
    CloudEvent report(String deploymentId, String outcome, @Nullable String reason, Instant at) {
        var data = new LinkedHashMap<String, Object>(Map.of("deploymentId", deploymentId, "service", service,
                "environment", "staging", "executor", "webhook", "outcome", outcome, "source", "callback",
                "deliveryId", UUID.randomUUID().toString(), "reportedAt", at.toString()));
        if (reason != null) {
            data.put("reason", reason);
        }
        var event = EventContracts.assertConforms(events.publish("deployment.outcome-reported.v1", deploymentId,
                data));
        awaitProcessed(event);
        return event;
    }

    CloudEvent report(String deploymentId, String outcome) {
        return report(deploymentId, outcome, null, Instant.now());
    }

    String state(String deploymentId) {
        return jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", deploymentId)
                .query(String.class).single();
    }

    void awaitState(String deploymentId, String expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from deployment where id = cast(:id as uuid) and state = :state")
                .param("id", deploymentId).param("state", expected).query(Integer.class).single() == 1);
    }

    /** Every event whose subject is the deployment (a promotion's plan is counted by {@link #deploymentsOfService}). */
    int outboxedAbout(String deploymentId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :id").param("id", deploymentId)
                .query(Integer.class).single();
    }

    int deploymentsOfService() {
        return jdbc.sql("select count(*) from deployment where service = :service").param("service", service)
                .query(Integer.class).single();
    }

    Map<String, Object> row(String deploymentId) {
        return jdbc.sql("select state, reason, started_at, finished_at from deployment where id = cast(:id as uuid)")
                .param("id", deploymentId).query().singleRow();
    }

    int outboxed(String type, String subject) {
        return jdbc.sql("select count(*) from outbox_event where type = :type and subject = :subject")
                .param("type", type).param("subject", subject).query(Integer.class).single();
    }

    void awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    /** passerelle_deployments_finished_total of this test's service in staging. */
    double finishedInStaging(String outcome) {
        var counter = meters.find("passerelle.deployments.finished")
                .tags("service", service, "environment", "staging", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    int releasesOfService() {
        return jdbc.sql("select count(*) from release where service = :service").param("service", service)
                .query(Integer.class).single();
    }

    @Test
    void a_green_pipeline_records_a_release_and_plans_it_into_the_first_environment() throws Exception {
        var sha = commitSha();
        pipelineSucceeded(service, sha, "octocat");

        var recorded = published("release.recorded.v1", "commitSha", sha);
        assertThat(recorded.data().get("service").asString()).isEqualTo(service);
        assertThat(recorded.data().get("version").asString()).isEqualTo(sha.substring(0, 12));
        var releaseId = recorded.data().get("releaseId").asString();
        assertThat(recorded.subject()).isEqualTo(releaseId);

        var planned = published("deployment.planned.v1", "commitSha", sha).data();
        assertThat(planned.get("releaseId").asString()).isEqualTo(releaseId);
        assertThat(planned.get("service").asString()).isEqualTo(service);
        assertThat(planned.get("environment").asString()).isEqualTo("staging");
        assertThat(planned.get("requiresApproval").asBoolean()).isFalse();
        assertThat(planned.get("requestedBy").asString()).isEqualTo("pipeline:octocat");
        assertThat(planned.get("version").asString()).isEqualTo(sha.substring(0, 12));
        assertThat(planned.get("runUrl").asString()).isEqualTo("https://github.com/acme/" + service + "/actions/runs/42");
        assertThat(Instant.parse(planned.get("plannedAt").asString())).isBefore(Instant.now().plusSeconds(1));

        mvc.perform(get("/api/v1/releases").param("service", service).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(releaseId))
                .andExpect(jsonPath("$[0].commitSha").value(sha))
                .andExpect(jsonPath("$[0].version").value(sha.substring(0, 12)));
        mvc.perform(get("/api/v1/deployments").param("service", service).with(TestJwts.user("alice", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(planned.get("deploymentId").asString()))
                .andExpect(jsonPath("$[0].releaseId").value(releaseId))
                .andExpect(jsonPath("$[0].environment").value("staging"))
                .andExpect(jsonPath("$[0].state").value("PLANNED"))
                .andExpect(jsonPath("$[0].plannedAt").isNotEmpty());
    }

    @Test
    void the_same_commit_again_and_the_same_event_again_record_nothing_new() throws Exception {
        var sha = commitSha();
        var first = pipelineSucceeded(service, sha, "octocat");
        published("deployment.planned.v1", "commitSha", sha);

        events.publish(first); // a redelivery of the same CloudEvent
        var rerun = pipelineSucceeded(service, sha, "hubot"); // a re-run / matrix sibling on the same commit
        awaitProcessed(rerun);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> releasesOfService() == 1);

        assertThat(releasesOfService()).isOne();
        assertThat(jdbc.sql("select count(*) from deployment where service = :service").param("service", service)
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("""
                select count(*) from outbox_event where type in ('release.recorded.v1', 'deployment.planned.v1')
                and payload -> 'data' ->> 'commitSha' = :sha""").param("sha", sha).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id").param("id", first.id())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void a_pipeline_of_a_service_outside_the_catalog_is_ignored() {
        var unknown = pipelineSucceeded("not-catalogued", commitSha(), "octocat");

        awaitProcessed(unknown);
        assertThat(jdbc.sql("select count(*) from release where service = 'not-catalogued'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void an_authorized_change_requests_the_deployment_from_its_target_once() throws Exception {
        var id = planStaging(commitSha());
        var changeId = UUID.randomUUID().toString();

        var authorized = authorize(id, changeId);
        var requested = published("deployment.requested.v1", "deploymentId", id).data();
        assertThat(requested.get("changeId").asString()).isEqualTo(changeId);
        assertThat(requested.get("environment").asString()).isEqualTo("staging");
        assertThat(requested.get("target").get("type").asString()).isEqualTo("webhook");
        assertThat(requested.get("target").get("url").asString()).isEqualTo(STAGING_URL);
        assertThat(Instant.parse(requested.get("deadline").asString()))
                .isEqualTo(Instant.parse(requested.get("requestedAt").asString()).plus(Duration.ofMinutes(30)));

        events.publish(authorized); // duplicate delivery
        var late = authorize(id, UUID.randomUUID().toString()); // another, late authorization
        awaitProcessed(late);
        assertThat(outboxed("deployment.requested.v1", id)).isOne();
        mvc.perform(get("/api/v1/deployments/" + id).with(TestJwts.user("passerelle-ci", "pipeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.startedAt").isNotEmpty())
                .andExpect(jsonPath("$.changeId").value(changeId));
    }

    @Test
    void an_authorization_without_a_deployment_is_ignored() {
        var changeId = UUID.randomUUID().toString();
        var event = events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId, "type", "NORMAL",
                "service", service, "environment", "staging", "authorizedBy", "bob",
                "authorizedAt", Instant.now().toString()));
        awaitProcessed(event);
        assertThat(jdbc.sql("select count(*) from deployment where change_id = cast(:id as uuid)")
                .param("id", changeId).query(Integer.class).single()).isZero();
    }

    @Test
    void success_reported_by_the_executor_plans_the_next_environment_and_a_repeat_changes_nothing() throws Exception {
        var id = requestedStaging();
        var reportedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        report(id, "SUCCEEDED", null, reportedAt);

        var succeeded = published("deployment.succeeded.v1", "deploymentId", id).data();
        assertThat(succeeded.get("environment").asString()).isEqualTo("staging");
        assertThat(Instant.parse(succeeded.get("finishedAt").asString())).isEqualTo(reportedAt);
        assertThat(succeeded.get("startedAt").asString()).isNotEmpty();
        var releaseId = succeeded.get("releaseId").asString();
        var production = EventContracts.assertConforms(events.await("deployment.planned.v1",
                d -> d.get("releaseId").asString().equals(releaseId) && d.get("environment").asString().equals("production")));
        assertThat(production.data().get("requiresApproval").asBoolean()).isTrue();
        assertThat(production.data().get("requestedBy").asString()).isEqualTo("pipeline:octocat");
        mvc.perform(get("/api/v1/deployments/" + id).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.finishedAt").isNotEmpty());
        mvc.perform(get("/api/v1/deployments").param("service", service).param("environment", "production")
                        .with(TestJwts.user("rhea", "release-manager")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(production.data().get("deploymentId").asString()))
                .andExpect(jsonPath("$[0].state").value("PLANNED"));

        report(id, "SUCCEEDED");
        report(id, "FAILED", "too late", Instant.now());
        assertThat(outboxed("deployment.succeeded.v1", id)).isOne();
        assertThat(outboxed("deployment.failed.v1", id)).isZero();
        assertThat(finishedInStaging("succeeded")).isEqualTo(1.0);
        assertThat(finishedInStaging("failed")).isZero();
        assertThat(jdbc.sql("select count(*) from deployment where service = :service and environment = 'production'")
                .param("service", service).query(Integer.class).single()).isOne();
        assertThat(state(id)).isEqualTo("SUCCEEDED");
        assertThat(row(id).get("started_at")).isNotNull();
    }

    @Test
    void failure_reported_by_the_executor_fails_the_deployment_and_promotes_nothing() throws Exception {
        var id = requestedStaging();

        report(id, "FAILED", "health check failed", Instant.now());

        var failed = published("deployment.failed.v1", "deploymentId", id).data();
        assertThat(failed.get("reason").asString()).isEqualTo("health check failed");
        assertThat(failed.has("changeId")).isTrue();
        report(id, "FAILED");
        report(id, "SUCCEEDED");
        assertThat(state(id)).isEqualTo("FAILED");
        assertThat(outboxed("deployment.failed.v1", id)).isOne();
        assertThat(outboxed("deployment.succeeded.v1", id)).isZero();
        assertThat(jdbc.sql("select count(*) from deployment where service = :service and environment = 'production'")
                .param("service", service).query(Integer.class).single()).isZero();
    }

    @Test
    void a_rejected_change_cancels_the_deployment_which_then_takes_no_outcome() throws Exception {
        var id = planStaging(commitSha());
        var changeId = UUID.randomUUID().toString();

        var rejected = EventContracts.assertConforms(events.publish("change.rejected.v1", changeId, Map.of(
                "changeId", changeId, "service", service, "environment", "staging", "deploymentId", id,
                "rejectedBy", "bob", "reason", "freeze window", "rejectedAt", Instant.now().toString())));
        awaitProcessed(rejected);

        mvc.perform(get("/api/v1/deployments/" + id).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.changeId").value(changeId))
                .andExpect(jsonPath("$.reason").value("change " + changeId + " rejected by bob: freeze window"))
                .andExpect(jsonPath("$.finishedAt").isNotEmpty());
        report(id, "SUCCEEDED");
        var late = authorize(id, UUID.randomUUID().toString());
        awaitProcessed(late);
        assertThat(state(id)).isEqualTo("CANCELLED");
        assertThat(outboxed("deployment.requested.v1", id)).isZero();
        assertThat(outboxed("deployment.succeeded.v1", id)).isZero();
    }

    @Test
    void a_deployment_not_yet_authorized_takes_no_outcome() {
        var id = planStaging(commitSha());

        report(id, "SUCCEEDED");

        assertThat(state(id)).isEqualTo("PLANNED");
        assertThat(outboxed("deployment.succeeded.v1", id)).isZero();
    }

    @Test
    void deployments_are_read_by_the_roles_that_may_and_no_one_reports_an_outcome_here() throws Exception {
        var id = requestedStaging();

        mvc.perform(get("/api/v1/deployments").with(TestJwts.user("prometheus", "monitoring")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/deployments/" + id + "/status").with(TestJwts.user("passerelle-ci", "pipeline"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"SUCCEEDED\"}"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404, 405));
        assertThat(state(id)).isEqualTo("IN_PROGRESS");
        assertThat(outboxed("deployment.succeeded.v1", id)).isZero();
    }

    // Replays of what the producers really send (api-specs/events/examples), ids set to this test's data.

    /** The recorded example of {@code type}, with {@code fields} set to this test's values. */
    ObjectNode recorded(String type, Map<String, String> fields) {
        var data = (ObjectNode) EventContracts.recorded(type);
        fields.forEach(data::put);
        return data;
    }

    @Test
    void a_recorded_pipeline_succeeded_records_a_release() {
        var sha = commitSha();
        events.publish("pipeline.succeeded.v1", sha, recorded("pipeline.succeeded.v1",
                Map.of("service", service, "repository", "acme/" + service, "commitSha", sha)));

        assertThat(published("deployment.planned.v1", "commitSha", sha).data().get("requestedBy").asString())
                .isEqualTo("pipeline:octocat");
        assertThat(releasesOfService()).isOne();
    }

    @Test
    void a_recorded_change_authorized_requests_the_deployment() {
        var id = planStaging(commitSha());
        var change = UUID.randomUUID().toString();

        events.publish("change.authorized.v1", change, recorded("change.authorized.v1", Map.of("changeId", change,
                "deploymentId", id, "service", service, "environment", "staging")));

        assertThat(published("deployment.requested.v1", "deploymentId", id).data().get("changeId").asString())
                .isEqualTo(change);
        awaitState(id, "IN_PROGRESS");
    }

    @Test
    void a_recorded_change_rejected_cancels_the_deployment_with_its_reason() {
        var id = planStaging(commitSha());
        var change = UUID.randomUUID().toString();

        events.publish("change.rejected.v1", change, recorded("change.rejected.v1", Map.of("changeId", change,
                "deploymentId", id, "service", service, "environment", "staging")));

        awaitState(id, "CANCELLED");
        assertThat(row(id).get("reason")).isEqualTo("change " + change + " rejected by bob: no rollback plan");
    }

    @Test
    void a_recorded_deployment_outcome_reported_fails_the_deployment_with_the_executor_s_reason() {
        var id = requestedStaging();

        events.publish("deployment.outcome-reported.v1", id, recorded("deployment.outcome-reported.v1",
                Map.of("deploymentId", id, "service", service, "environment", "staging",
                        "reportedAt", Instant.now().toString())));

        assertThat(published("deployment.failed.v1", "deploymentId", id).data().get("reason").asString())
                .isEqualTo("health check failed");
        awaitState(id, "FAILED");
    }
}
