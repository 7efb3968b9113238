package io.passerelle.integrationservice.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.RepositoryFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** POST /webhooks/gitlab with the shared GitLab vectors, pointed at a registered service's project. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class GitlabWebhookIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        service = TestCatalog.register(events, jdbc, "master");
    }

    ObjectNode vector(String file) throws Exception {
        var path = RepositoryFiles.vectors().orElseThrow().resolve("gitlab").resolve(file);
        var payload = (ObjectNode) json.readTree(Files.readAllBytes(path));
        ((ObjectNode) payload.get("project")).put("path_with_namespace", service.gitlabProject().toLowerCase());
        return payload;
    }

    ResultActions send(String event, String key, byte[] body, @Nullable String token) throws Exception {
        var request = post("/webhooks/gitlab").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Gitlab-Event", event).header("Idempotency-Key", key);
        if (token != null) {
            request.header("X-Gitlab-Token", token);
        }
        return mvc.perform(request);
    }

    int pipelineEventsFor(String key) {
        return jdbc.sql("""
                select count(*) from outbox_event where type in ('pipeline.succeeded.v1', 'pipeline.failed.v1')
                and payload -> 'data' ->> 'deliveryId' = :id""").param("id", key).query(Integer.class).single();
    }

    int recorded(String key) {
        return jdbc.sql("select count(*) from gitlab_delivery where idempotency_key = :k").param("k", key)
                .query(Integer.class).single();
    }

    @Test
    void the_pipeline_hook_vector_publishes_the_pipeline_and_its_green_jobs_and_a_retry_publishes_nothing()
            throws Exception {
        var key = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(vector("pipeline.json"));

        send("Pipeline Hook", key, body, service.secret())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("accepted"));

        var pipeline = EventContracts.assertConforms(events.await("pipeline.succeeded.v1",
                data -> data.get("deliveryId").asString().equals(key) && data.get("runId").asString().equals("31")));
        var data = pipeline.data();
        assertThat(data.get("service").asString()).isEqualTo(service.service());
        assertThat(data.get("provider").asString()).isEqualTo("gitlab");
        assertThat(data.get("branch").asString()).isEqualTo("master");
        assertThat(data.get("commitSha").asString()).isEqualTo("bcbb5ec396a2c0f828686f14fac9b80b780504f2");
        assertThat(data.get("pipelineName").asString()).isEqualTo("gitlab-pipeline");
        assertThat(data.get("finishedAt").asString()).isEqualTo("2016-08-12T15:26:29Z");
        assertThat(data.get("headCommitAt").asString()).isEqualTo("2016-08-12T15:23:21Z");
        EventContracts.assertConforms(events.await("pipeline.succeeded.v1",
                d -> d.get("deliveryId").asString().equals(key) && d.get("pipelineName").asString()
                        .equals("test-build")));
        // test-image, test-build, build-image green; production skipped, staging created: not finished
        assertThat(pipelineEventsFor(key)).isEqualTo(4);

        send("Pipeline Hook", key, body, service.secret())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("duplicate"));
        assertThat(pipelineEventsFor(key)).isEqualTo(4);
        assertThat(recorded(key)).isEqualTo(1);
    }

    @Test
    void a_failed_pipeline_publishes_pipeline_failed() throws Exception {
        var key = UUID.randomUUID().toString();
        var payload = vector("pipeline.json");
        ((ObjectNode) payload.get("object_attributes")).put("status", "failed");
        send("Pipeline Hook", key, json.writeValueAsBytes(payload), service.secret())
                .andExpect(status().isAccepted());
        var failed = EventContracts.assertConforms(events.await("pipeline.failed.v1",
                data -> data.get("deliveryId").asString().equals(key)));
        assertThat(failed.data().get("conclusion").asString()).isEqualTo("failed");
        assertThat(pipelineEventsFor(key)).isEqualTo(1);
    }

    @Test
    void a_wrong_or_missing_token_is_401_and_nothing_is_recorded() throws Exception {
        var body = json.writeValueAsBytes(vector("pipeline.json"));
        for (var token : new String[] { "not-the-secret", null }) {
            var key = UUID.randomUUID().toString();
            send("Pipeline Hook", key, body, token)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unauthenticated"));
            assertThat(recorded(key)).isZero();
            assertThat(pipelineEventsFor(key)).isZero();
        }
    }

    @Test
    void a_project_outside_the_catalog_is_answered_as_failed_and_nothing_is_written()
            throws Exception {
        var key = UUID.randomUUID().toString();
        var payload = vector("pipeline.json");
        ((ObjectNode) payload.get("project")).put("path_with_namespace", "acme/not-catalogued-" + key);
        send("Pipeline Hook", key, json.writeValueAsBytes(payload), service.secret())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unknown-project"))
                .andExpect(jsonPath("$.title").value("Project not in the catalog"));
        assertThat(recorded(key)).isZero();
    }

    @Test
    void the_deployment_vector_to_an_environment_of_the_service_publishes_deployment_observed_once()
            throws Exception {
        var key = UUID.randomUUID().toString();
        var payload = vector("deployment.json");
        payload.put("environment", "prod");
        var body = json.writeValueAsBytes(payload);
        send("Deployment Hook", key, body, service.secret())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("accepted"));
        var observed = EventContracts.assertConforms(events.await("deployment.observed.v1",
                data -> data.get("service").asString().equals(service.service())));
        var data = observed.data();
        assertThat(data.get("environment").asString()).isEqualTo("prod");
        assertThat(data.get("version").asString()).isEqualTo("1.0.0");
        assertThat(data.get("commitSha").asString()).isEqualTo("279484c09fbe69ededfced8c1bb6e6d24616b468");
        assertThat(data.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(data.get("kind").asString()).isEqualTo("deployed");
        assertThat(data.get("tool").asString()).isEqualTo("gitlab");
        assertThat(data.get("finishedAt").asString()).isEqualTo("2021-04-28T19:50:00Z");

        send("Deployment Hook", key, body, service.secret())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("duplicate"));
        assertThat(jdbc.sql("""
                select count(*) from outbox_event where type = 'deployment.observed.v1'
                and payload -> 'data' ->> 'service' = :s""").param("s", service.service()).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void the_deployment_vector_to_another_environment_and_the_job_vector_are_ignored_with_the_reason()
            throws Exception {
        var key = UUID.randomUUID().toString();
        send("Deployment Hook", key, json.writeValueAsBytes(vector("deployment.json")), service.secret())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value("environment 'staging' is not an environment of "
                        + service.service() + " [prod]"));
        var job = (ObjectNode) json.readTree(Files.readAllBytes(RepositoryFiles.vectors().orElseThrow()
                .resolve("gitlab/job.json")));
        send("Job Hook", UUID.randomUUID().toString(), json.writeValueAsBytes(job), service.secret())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value(
                        "event 'Job Hook' is not handled (only Pipeline Hook and Deployment Hook)"));
        assertThat(pipelineEventsFor(key)).isZero();
        assertThat(recorded(key)).isEqualTo(1); // the Deployment Hook; a Job Hook is not even recorded
    }

    @Test
    void bad_bodies_headers_and_times_are_400_and_an_oversized_body_413_writing_nothing() throws Exception {
        var key = UUID.randomUUID().toString();
        send("Pipeline Hook", key, "{not json".getBytes(), service.secret())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        send("Pipeline Hook", key, "{}".getBytes(), service.secret()).andExpect(status().isBadRequest());
        var payload = vector("pipeline.json");
        ((ObjectNode) payload.get("object_attributes")).put("finished_at", "12/08/2016 15:26");
        send("Pipeline Hook", key, json.writeValueAsBytes(payload), service.secret())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("object_attributes.finished_at")));
        mvc.perform(post("/webhooks/gitlab").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(vector("pipeline.json"))).header("X-Gitlab-Event", "Pipeline Hook")
                        .header("X-Gitlab-Token", service.secret()))
                .andExpect(status().isBadRequest());
        var big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        send("Pipeline Hook", key, big, service.secret())
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(recorded(key)).isZero();
        assertThat(pipelineEventsFor(key)).isZero();
    }
}
