package io.passerelle.integrationservice.gitlab.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.passerelle.integrationservice.gitlab.GitlabHook;
import io.passerelle.integrationservice.gitlab.GitlabTime;
import io.passerelle.integrationservice.gitlab.PipelineHook;
import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The shared GitLab vectors (../shared/vectors/gitlab), read as the controller reads them. */
class GitlabPayloadTest {

    final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    Path vectors;

    @BeforeEach
    void vectors() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        vectors = RepositoryFiles.vectors().orElseThrow().resolve("gitlab");
    }

    GitlabPayload read(String file) throws Exception {
        return json.readValue(Files.readAllBytes(vectors.resolve(file)), GitlabPayload.class);
    }

    @Test
    void the_pipeline_hook_vector_gives_its_pipeline_commit_and_jobs() throws Exception {
        var hook = read("pipeline.json").toDomain(GitlabHook.PIPELINE, "key-1");

        assertThat(hook.project()).isEqualTo("gitlab-org/gitlab-test");
        var pipeline = hook.pipeline();
        assertThat(pipeline).isNotNull();
        assertThat(pipeline.id()).isEqualTo(31L);
        assertThat(pipeline.ref()).isEqualTo("master");
        assertThat(pipeline.tag()).isFalse();
        assertThat(pipeline.sha()).isEqualTo("bcbb5ec396a2c0f828686f14fac9b80b780504f2");
        assertThat(pipeline.status()).isEqualTo("success");
        assertThat(pipeline.finishedAt()).isEqualTo(Instant.parse("2016-08-12T15:26:29Z"));
        assertThat(pipeline.user()).isEqualTo("user1");
        assertThat(pipeline.projectUrl()).isEqualTo("http://192.168.64.1:3005/gitlab-org/gitlab-test");
        assertThat(pipeline.commit()).isEqualTo(new PipelineHook.Commit("bcbb5ec396a2c0f828686f14fac9b80b780504f2",
                "test\n", Instant.parse("2016-08-12T15:23:21Z")));
        assertThat(pipeline.jobs()).extracting(PipelineHook.Job::name)
                .containsExactly("production", "test-image", "test-build", "build-image", "staging");
        assertThat(pipeline.jobs().getFirst().allowFailure()).isTrue();
        assertThat(pipeline.jobs().get(2).finishedAt()).isEqualTo(Instant.parse("2016-08-12T15:26:29Z"));
    }

    @Test
    void the_job_and_deployment_vectors_name_their_project_and_their_times_read() throws Exception {
        var deployment = read("deployment.json").toDomain(GitlabHook.DEPLOYMENT, "key-2");
        assertThat(deployment.project()).isEqualTo("root/test-deployment-webhooks");
        assertThat(deployment.pipeline()).isNull();

        var tree = json.readTree(Files.readAllBytes(vectors.resolve("deployment.json")));
        assertThat(GitlabTime.parse(tree.get("status_changed_at").asString(), "status_changed_at"))
                .isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
        var job = json.readTree(Files.readAllBytes(vectors.resolve("job.json")));
        assertThat(GitlabTime.parse(job.get("build_finished_at").asString(), "build_finished_at"))
                .isEqualTo(Instant.parse("2023-01-10T13:50:54Z"));
        assertThat(read("job.json").toDomain("Job Hook", "key-3").pipeline()).isNull();
    }
}
