package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.Catalogued;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import io.passerelle.releaseservice.deployment.RecordRelease.PipelineRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Required checks against PostgreSQL and RabbitMQ: pipeline events as integration-service records them
 * (api-specs/events/examples) make one release, held with its reason in the read API until the last required check is
 * green; pipelines of one commit finishing at once, each handled in its own transaction, make one release and one
 * deployment per environment.
 */
@ReleaseServiceIntegrationTest
class RequiredChecksIntegrationTest {

    static final List<String> REQUIRED = List.of("build", "test", "e2e");

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired RecordRelease recordRelease;
    @Autowired TransactionTemplate transactions;

    String service;

    @BeforeEach
    void registerService() throws Exception {
        service = Catalogued.register(mvc, "svc", REQUIRED);
    }

    /**
     * Publishes the recorded pipeline event of {@code type}, for this service's commit, check, run and attempt;
     * returns its id.
     */
    String publish(String type, String sha, String check, long runNumber, int attempt) {
        var data = (ObjectNode) EventContracts.recorded(type);
        data.put("service", service);
        data.put("commitSha", sha);
        data.put("pipelineName", check);
        data.put("runId", check + "-" + runNumber);
        data.put("runNumber", runNumber);
        data.put("runAttempt", attempt);
        data.put("runUrl", "https://github.com/acme/" + service + "/actions/runs/" + check + "-" + runNumber);
        data.put("deliveryId", UUID.randomUUID().toString());
        ((ObjectNode) data.get("commits").get(0)).put("sha", sha);
        return events.publish(type, service + "/" + check, data).id();
    }

    int count(String sql, String sha) {
        return jdbc.sql(sql).param("service", service).param("sha", sha).query(Integer.class).single();
    }

    int releases(String sha) {
        return count("select count(*) from release where service = :service and commit_sha = :sha", sha);
    }

    int deployments(String sha) {
        return count("select count(*) from deployment where service = :service and commit_sha = :sha", sha);
    }

    void awaitHold(String sha, String hold) {
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "select count(*) from release where service = :service and commit_sha = :sha and hold = '" + hold + "'",
                sha) == 1);
    }

    @Test
    void the_recorded_pipeline_events_make_one_release_held_with_its_reason_until_a_re_run_turns_it_green()
            throws Exception {
        var sha = DeploymentIntegrationTest.commitSha();
        publish("pipeline.succeeded.v1", sha, "build", 7, 1);
        awaitHold(sha, "WAITING");
        publish("pipeline.failed.v1", sha, "test", 3, 1);
        awaitHold(sha, "STOPPED");
        publish("pipeline.succeeded.v1", sha, "e2e", 5, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("""
                select count(*) from commit_check where service = :service and commit_sha = :sha""", sha) == 3);

        mvc.perform(get("/api/v1/releases").param("service", service).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].commitSha").value(sha))
                .andExpect(jsonPath("$[0].headCommitAt").value("2026-05-04T08:41:07Z"))
                .andExpect(jsonPath("$[0].commits[0].sha").value(sha))
                .andExpect(jsonPath("$[0].commits[0].message").value("build(test): check workflow run event payload"))
                .andExpect(jsonPath("$[0].awaiting.environment").value("staging"))
                .andExpect(jsonPath("$[0].awaiting.state").value("STOPPED"))
                .andExpect(jsonPath("$[0].awaiting.reason").value(org.hamcrest.Matchers.containsString(
                        "'test' is failure (https://github.com/acme/" + service + "/actions/runs/test-3)")))
                .andExpect(jsonPath("$[0].checks.length()").value(3))
                .andExpect(jsonPath("$[0].checks[?(@.name == 'test')].runAttempt").value(1));
        assertThat(deployments(sha)).isZero();
        assertThat(jdbc.sql("select head_commit_at from release where service = :service").param("service", service)
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(Instant.parse("2026-05-04T08:41:07Z"));

        publish("pipeline.succeeded.v1", sha, "test", 3, 2);
        var planned = EventContracts.assertConforms(events.await("deployment.planned.v1",
                d -> d.get("commitSha").asString().equals(sha)));
        assertThat(planned.data().get("environment").asString()).isEqualTo("staging");
        var late = publish("pipeline.failed.v1", sha, "test", 3, 1); // the older attempt, delivered late
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", late)
                .query(Integer.class).single() == 1);
        mvc.perform(get("/api/v1/releases").param("service", service).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$[0].awaiting").doesNotExist())
                .andExpect(jsonPath("$[0].checks[?(@.name == 'test')].conclusion").value("success"));
        var recorded = EventContracts.assertConforms(events.await("release.recorded.v1",
                d -> d.get("commitSha").asString().equals(sha)));
        assertThat(recorded.data().get("headCommitAt").asString()).isEqualTo("2026-05-04T08:41:07Z");
        assertThat(recorded.data().get("checks").get(0).get("name").asString()).isEqualTo("build");
        assertThat(releases(sha)).isOne();
        assertThat(deployments(sha)).isOne();
    }

    /** Every required check of one commit finishes at once, each handled in its own transaction on its own thread. */
    @RepeatedTest(5)
    void checks_of_one_commit_finishing_at_once_make_one_release_and_one_deployment() throws Exception {
        var sha = DeploymentIntegrationTest.commitSha();
        var checks = new ArrayList<>(REQUIRED);
        checks.addAll(List.of("lint", "docs", "build")); // a re-run of build and two checks nobody requires, too
        var barrier = new CyclicBarrier(checks.size());
        var attempt = new java.util.concurrent.atomic.AtomicInteger();
        List<Callable<RecordRelease.Outcome>> tasks = checks.stream().<Callable<RecordRelease.Outcome>>map(check -> () -> {
            var run = new PipelineRun(service, sha, new CheckResult(check, check + "-1", 1L, attempt.incrementAndGet(),
                    CheckResult.SUCCESS, "https://ci.example/" + check, Instant.now()), "octocat", Instant.now(),
                    List.of());
            barrier.await(10, TimeUnit.SECONDS);
            return transactions.execute(status -> recordRelease.record(run));
        }).toList();

        List<RecordRelease.Outcome> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(checks.size())) {
            for (Future<RecordRelease.Outcome> result : pool.invokeAll(tasks)) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(releases(sha)).isOne();
        assertThat(deployments(sha)).as("outcomes %s", outcomes).isOne();
        assertThat(outcomes).filteredOn(o -> o == RecordRelease.Outcome.PLANNED).hasSize(1);
        assertThat(count("select count(*) from release where service = :service and commit_sha = :sha and hold is null",
                sha)).isOne();
        assertThat(count("select count(*) from outbox_event where type = 'release.recorded.v1'"
                + " and payload -> 'data' ->> 'service' = :service and payload -> 'data' ->> 'commitSha' = :sha", sha))
                .isOne();
    }
}
