package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Deployment timeouts end to end in release-service: the environment's timeout, the worker, the late outcome. */
@ReleaseServiceIntegrationTest
class DeploymentTimeoutIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    ResultActions register(String service, String timeout) throws Exception {
        return mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret",
                         "environments":[
                           {"name":"staging","order":1,"requiresApproval":false,"deploymentTimeout":%s,
                            "deployTarget":{"type":"webhook","url":"https://deploy.example/staging"}}]}"""
                        .formatted(service, service, timeout)));
    }

    static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A green pipeline, then its change authorized: the deployment is underway; returns its id. */
    String authorizedDeployment(String service) {
        var sha = DeploymentIntegrationTest.commitSha();
        EventContracts.assertConforms(events.publish("pipeline.succeeded.v1", sha,
                DeploymentIntegrationTest.pipelineRun(service, sha, "octocat")));
        var id = events.await("deployment.planned.v1", d -> d.get("commitSha").asString().equals(sha)).data()
                .get("deploymentId").asString();
        var changeId = UUID.randomUUID().toString();
        EventContracts.assertConforms(events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId,
                "type", "STANDARD", "service", service, "environment", "staging", "deploymentId", id,
                "authorizedBy", "change-service", "authorizedAt", Instant.now().toString())));
        events.await("deployment.requested.v1", d -> d.get("deploymentId").asString().equals(id));
        return id;
    }

    @Test
    void a_deployment_without_outcome_within_its_environments_timeout_fails_saying_so_and_a_late_outcome_is_ignored()
            throws Exception {
        var service = newService();
        register(service, "\"PT5S\"").andExpect(status().isCreated())
                .andExpect(jsonPath("$.environments[0].deploymentTimeout").value("PT5S"));
        var started = Instant.now();
        var id = authorizedDeployment(service);

        var failed = EventContracts.assertConforms(events.await("deployment.failed.v1",
                d -> d.get("deploymentId").asString().equals(id)));
        assertThat(failed.data().get("reason").asString()).startsWith("no outcome within 5s of its authorization at ");
        assertThat(Instant.parse(failed.data().get("finishedAt").asString())).isAfterOrEqualTo(started.plusSeconds(5));
        mvc.perform(get("/api/v1/deployments/" + id).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason").value(failed.data().get("reason").asString()));

        int outboxed = outboxedAbout(id);
        var late = events.publish("deployment.outcome-reported.v1", id, Map.of("deploymentId", id, "service", service,
                "environment", "staging", "executor", "webhook", "outcome", "SUCCEEDED", "source", "callback",
                "reportedAt", Instant.now().toString()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", late.id())
                .query(Integer.class).single() == 1);
        assertThat(outboxedAbout(id)).isEqualTo(outboxed);
        assertThat(jdbc.sql("select state from deployment where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void an_environment_without_timeout_gets_thirty_minutes_and_its_deadline_counts_from_the_authorization()
            throws Exception {
        var service = newService();
        register(service, "null").andExpect(status().isCreated())
                .andExpect(jsonPath("$.environments[0].deploymentTimeout").value("PT30M"));
        var before = Instant.now();
        var id = authorizedDeployment(service);

        var deadline = jdbc.sql("select deadline from deployment where id = cast(:id as uuid)").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(deadline).isBetween(before.plusSeconds(1800), Instant.now().plusSeconds(1800));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"PT4S\"", "\"PT25H\"", "\"PT5.5S\"", "\"30 minutes\"", "\"P1W\"", "1800" })
    void a_timeout_out_of_bounds_or_not_an_iso_duration_is_a_bad_request_and_writes_nothing(String timeout)
            throws Exception {
        var service = newService();
        register(service, timeout).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        assertThat(jdbc.sql("select count(*) from service where name = :name").param("name", service)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :name").param("name", service)
                .query(Integer.class).single()).isZero();
    }

    int outboxedAbout(String deploymentId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :id").param("id", deploymentId)
                .query(Integer.class).single();
    }
}
