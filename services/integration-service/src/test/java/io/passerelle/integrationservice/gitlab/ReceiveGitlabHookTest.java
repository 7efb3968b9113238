package io.passerelle.integrationservice.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.github.PipelineFailed;
import io.passerelle.integrationservice.github.PipelineSucceeded;
import io.passerelle.integrationservice.observeddeployment.DeploymentObserved;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.DomainEvent;
import org.junit.jupiter.api.Test;

class ReceiveGitlabHookTest {

    static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final String SHA = "bcbb5ec396a2c0f828686f14fac9b80b780504f2";
    final SecretSealer sealer = new SecretSealer(KEY);
    final CatalogedService service = new CatalogedService("payments", "acme/payments", "main",
            sealer.seal("s3cret-token"), Instant.EPOCH, List.of("prod"), "acme/platform/payments");
    final Set<String> recorded = new HashSet<>();
    final List<DomainEvent> published = new ArrayList<>();
    final ReceiveGitlabHook receive = new ReceiveGitlabHook(new CatalogedServices() {
        public void register(CatalogedService s) {
        }

        public Optional<CatalogedService> byName(String name) {
            return Optional.empty();
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }

        @Override
        public Optional<CatalogedService> byGitlabProject(String project) {
            return project.equalsIgnoreCase(service.gitlabProject()) ? Optional.of(service) : Optional.empty();
        }
    }, (key, event, svc, at) -> recorded.add(key), published::add, sealer, Clock.fixed(NOW, ZoneOffset.UTC));

    static PipelineHook pipeline(String ref, String status, List<PipelineHook.Job> jobs) {
        return new PipelineHook("Acme/Platform/Payments", "https://gitlab.example/acme/platform/payments", 31L, ref,
                false, SHA, status, null, Instant.parse("2016-08-12T15:26:29Z"), null, "user1",
                new PipelineHook.Commit(SHA, "test\n\nbody", Instant.parse("2016-08-12T15:23:21Z")), jobs);
    }

    static PipelineHook.Job job(long id, String name, String status) {
        return new PipelineHook.Job(id, name, status, false, null);
    }

    GitlabHook hook(String key, PipelineHook pipeline) {
        return new GitlabHook(GitlabHook.PIPELINE, key, pipeline.project(), pipeline);
    }

    @Test
    void a_green_pipeline_on_the_default_branch_publishes_the_pipeline_and_its_green_jobs() {
        var outcome = receive.receive(hook("k-1", pipeline("main", "success", List.of(job(376, "build", "success"),
                job(377, "test", "success"), job(380, "deploy", "skipped")))), "s3cret-token");

        assertThat(outcome).isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(3));
        assertThat(published).allSatisfy(e -> assertThat(e).isInstanceOf(PipelineSucceeded.class));
        var pipeline = (PipelineSucceeded) published.getLast();
        assertThat(pipeline.pipelineName()).isEqualTo("gitlab-pipeline");
        assertThat(pipeline.runId()).isEqualTo("31");
        assertThat(pipeline.runUrl()).isEqualTo("https://gitlab.example/acme/platform/payments/-/pipelines/31");
        assertThat(pipeline.provider()).isEqualTo("gitlab");
        assertThat(pipeline.repository()).isEqualTo("Acme/Platform/Payments");
        assertThat(pipeline.deliveryId()).isEqualTo("k-1");
        assertThat(pipeline.commits()).singleElement().satisfies(c -> assertThat(c.message()).isEqualTo("test"));
        assertThat(published).extracting(e -> ((PipelineSucceeded) e).pipelineName())
                .containsExactly("build", "test", "gitlab-pipeline");
        assertThat(((PipelineSucceeded) published.getFirst()).runUrl())
                .isEqualTo("https://gitlab.example/acme/platform/payments/-/jobs/376");
        assertThat(recorded).containsExactly("k-1");
    }

    @Test
    void a_red_pipeline_publishes_only_what_failed_and_a_retried_job_counts_its_latest_try() {
        var outcome = receive.receive(hook("k-2", pipeline("main", "failed", List.of(job(376, "build", "success"),
                job(377, "e2e", "failed"), job(390, "test", "failed"), job(391, "test", "failed")))), "s3cret-token");

        assertThat(outcome).isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(3));
        assertThat(published).allSatisfy(e -> assertThat(e).isInstanceOf(PipelineFailed.class));
        assertThat(published).extracting(e -> ((PipelineFailed) e).pipelineName())
                .containsExactly("e2e", "test", "gitlab-pipeline");
        var test = (PipelineFailed) published.get(1);
        assertThat(test.runId()).isEqualTo("31/391");
        assertThat(test.runAttempt()).isEqualTo(2);
        assertThat(test.runNumber()).isEqualTo(31L);
        assertThat(((PipelineFailed) published.getLast()).conclusion()).isEqualTo("failed");
    }

    @Test
    void a_wrong_or_missing_token_is_refused_and_nothing_is_recorded() {
        var hook = hook("k-3", pipeline("main", "success", List.of()));
        assertThatThrownBy(() -> receive.receive(hook, "s3cret-token!")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> receive.receive(hook, "")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> receive.receive(hook, null)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("missing");
        assertThat(recorded).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void a_retry_with_the_same_key_is_a_duplicate_and_publishes_nothing() {
        var hook = hook("k-4", pipeline("main", "success", List.of()));
        assertThat(receive.receive(hook, "s3cret-token")).isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(1));
        assertThat(receive.receive(hook, "s3cret-token")).isEqualTo(new ReceiveGitlabHook.Outcome.Duplicate());
        assertThat(published).hasSize(1);
    }

    @Test
    void a_project_outside_the_catalog_is_refused_before_anything_else() {
        var hook = new GitlabHook(GitlabHook.PIPELINE, "k-5", "acme/unknown", null);
        assertThatThrownBy(() -> receive.receive(hook, null)).isInstanceOf(UnknownProjectException.class)
                .hasMessageContaining("acme/unknown is not in the catalog");
        assertThat(recorded).isEmpty();
    }

    @Test
    void unfinished_pipelines_other_branches_tags_deployments_and_other_hooks_are_ignored_with_the_reason() {
        assertThat(receive.receive(hook("k-6", pipeline("main", "running", List.of())), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Ignored(
                        "pipeline status 'running' is not finished (success, failed, canceled)"));
        assertThat(receive.receive(hook("k-7", pipeline("feature", "success", List.of())), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Ignored(
                        "branch 'feature' is not the default branch 'main' of payments"));
        var tag = pipeline("main", "success", List.of());
        tag = new PipelineHook(tag.project(), tag.projectUrl(), tag.id(), "v1.0", true, tag.sha(), tag.status(), null,
                null, null, null, null, List.of());
        assertThat(receive.receive(hook("k-8", tag), "s3cret-token"))
                .isInstanceOf(ReceiveGitlabHook.Outcome.Ignored.class);
        assertThat(receive.receive(deployment("k-9", "running", "prod", "v1.0"), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Ignored("deployment status 'running' is not final (success,"
                        + " failed, canceled): the deployment is recorded when it ends"));
        assertThat(receive.receive(deployment("k-9b", "created", "prod", "v1.0"), "s3cret-token"))
                .isInstanceOf(ReceiveGitlabHook.Outcome.Ignored.class);
        assertThat(receive.receive(deployment("k-9c", "success", "review/feature-x", "v1.0"), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Ignored(
                        "environment 'review/feature-x' is not an environment of payments [prod]"));
        assertThat(receive.receive(new GitlabHook("Job Hook", "k-10", "acme/platform/payments", null),
                "s3cret-token")).isEqualTo(new ReceiveGitlabHook.Outcome.Ignored(
                        "event 'Job Hook' is not handled (only Pipeline Hook and Deployment Hook)"));
        assertThat(published).isEmpty();
    }

    GitlabHook deployment(String key, String status, String environment, String ref) {
        return new GitlabHook(GitlabHook.DEPLOYMENT, key, "acme/platform/payments", null, new DeploymentHook(
                "acme/platform/payments", 15L, status, Instant.parse("2021-04-28T19:50:00Z"), environment, ref,
                "279484c0", "https://gitlab.example/acme/platform/payments/-/commit/" + SHA,
                "https://gitlab.example/acme/platform/payments/-/jobs/796", "user1"));
    }

    @Test
    void a_deployment_gitlab_made_that_ended_is_observed_with_its_outcome_version_and_commit() {
        assertThat(receive.receive(deployment("k-20", "success", "Prod", "v1.0"), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(1));
        assertThat(receive.receive(deployment("k-21", "failed", "prod", "main"), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(1));
        assertThat(receive.receive(deployment("k-22", "canceled", "prod", "v1.1"), "s3cret-token"))
                .isEqualTo(new ReceiveGitlabHook.Outcome.Accepted(1));

        assertThat(published).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(DeploymentObserved.class));
        var success = (DeploymentObserved) published.get(0);
        assertThat(success.service()).isEqualTo("payments");
        assertThat(success.environment()).isEqualTo("prod");
        assertThat(success.version()).isEqualTo("v1.0");
        assertThat(success.commitSha()).isEqualTo(SHA);
        assertThat(success.outcome()).isEqualTo(DeploymentObserved.Outcome.SUCCEEDED);
        assertThat(success.kind()).isEqualTo(DeploymentObserved.Kind.deployed);
        assertThat(success.intake()).isEqualTo("gitlab");
        assertThat(success.tool()).isEqualTo("gitlab");
        assertThat(success.externalId()).isEqualTo("15");
        assertThat(success.url()).isEqualTo("https://gitlab.example/acme/platform/payments/-/jobs/796");
        assertThat(success.finishedAt()).isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
        assertThat(success.observedAt()).isEqualTo(NOW);
        assertThat(success.deploymentId()).isEqualTo(DeploymentObserved.idOf("gitlab", "acme/platform/payments", "15"));
        // the default branch deployed: the version is the commit's short SHA
        assertThat(((DeploymentObserved) published.get(1)).version()).isEqualTo("279484c0");
        assertThat(((DeploymentObserved) published.get(1)).outcome()).isEqualTo(DeploymentObserved.Outcome.FAILED);
        assertThat(((DeploymentObserved) published.get(2)).outcome()).isEqualTo(DeploymentObserved.Outcome.CANCELED);
    }

    @Test
    void a_finished_pipeline_without_its_commit_is_invalid() {
        var pipeline = pipeline("main", "success", List.of());
        var broken = new PipelineHook(pipeline.project(), null, 31L, "main", false, null, "success", null, null, null,
                null, null, List.of());
        assertThatThrownBy(() -> receive.receive(hook("k-11", broken), "s3cret-token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("object_attributes.sha");
    }
}
