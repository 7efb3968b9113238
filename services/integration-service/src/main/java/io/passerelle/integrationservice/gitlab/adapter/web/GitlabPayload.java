package io.passerelle.integrationservice.gitlab.adapter.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.gitlab.DeploymentHook;
import io.passerelle.integrationservice.gitlab.GitlabHook;
import io.passerelle.integrationservice.gitlab.GitlabTime;
import io.passerelle.integrationservice.gitlab.PipelineHook;
import org.jspecify.annotations.Nullable;

/**
 * The few fields read from a GitLab hook (tolerant reader: GitLab sends many more): a Pipeline Hook's
 * {@code object_attributes}, {@code commit} and {@code builds}; a Deployment Hook's top-level fields ({@code environment}
 * is its name there, an object in other hooks).
 */
record GitlabPayload(@JsonProperty("object_kind") @Nullable String objectKind, @Nullable Project project,
        @JsonProperty("object_attributes") @Nullable Attributes objectAttributes, @Nullable User user,
        @Nullable Commit commit, @Nullable List<Build> builds, @Nullable String status,
        @JsonProperty("status_changed_at") @Nullable String statusChangedAt,
        @JsonProperty("deployment_id") @Nullable Long deploymentId, @Nullable Object environment,
        @Nullable String ref, @JsonProperty("short_sha") @Nullable String shortSha,
        @JsonProperty("commit_url") @Nullable String commitUrl,
        @JsonProperty("deployable_url") @Nullable String deployableUrl) {

    record Project(@JsonProperty("path_with_namespace") @Nullable String pathWithNamespace,
            @JsonProperty("web_url") @Nullable String webUrl) {
    }

    record Attributes(@Nullable Long id, @Nullable String ref, @Nullable Boolean tag, @Nullable String sha,
            @Nullable String status, @Nullable String name, @Nullable String url,
            @JsonProperty("finished_at") @Nullable String finishedAt) {
    }

    record User(@Nullable String username) {
    }

    record Commit(@Nullable String id, @Nullable String message, @Nullable String timestamp) {
    }

    record Build(@Nullable Long id, @Nullable String name, @Nullable String status,
            @JsonProperty("allow_failure") @Nullable Boolean allowFailure,
            @JsonProperty("finished_at") @Nullable String finishedAt) {
    }

    GitlabHook toDomain(String event, String key) {
        var path = project == null ? null : project.pathWithNamespace();
        return new GitlabHook(event, key, path, GitlabHook.PIPELINE.equals(event) && path != null ? pipeline(path)
                : null, GitlabHook.DEPLOYMENT.equals(event) && path != null ? deployment(path) : null);
    }

    private DeploymentHook deployment(String path) {
        return new DeploymentHook(path, deploymentId, status, GitlabTime.parse(statusChangedAt, "status_changed_at"),
                environment instanceof String name ? name : null, ref, shortSha, commitUrl, deployableUrl,
                user == null ? null : user.username());
    }

    private PipelineHook pipeline(String path) {
        var attributes = objectAttributes == null ? new Attributes(null, null, null, null, null, null, null, null)
                : objectAttributes;
        var head = commit == null ? null : new PipelineHook.Commit(commit.id(), commit.message(),
                GitlabTime.parse(commit.timestamp(), "commit.timestamp"));
        var jobs = builds == null ? List.<PipelineHook.Job>of() : builds.stream().map(GitlabPayload::job).toList();
        return new PipelineHook(path, project == null ? null : project.webUrl(), attributes.id(), attributes.ref(),
                Boolean.TRUE.equals(attributes.tag()), attributes.sha(), attributes.status(), attributes.name(),
                GitlabTime.parse(attributes.finishedAt(), "object_attributes.finished_at"), attributes.url(),
                user == null ? null : user.username(), head, jobs);
    }

    private static PipelineHook.Job job(@Nullable Build build) {
        if (build == null || build.id() == null || build.name() == null || build.name().isBlank()) {
            throw new IllegalArgumentException("builds[]: every job needs its id and name");
        }
        return new PipelineHook.Job(build.id(), build.name(), build.status(), Boolean.TRUE.equals(build.allowFailure()),
                GitlabTime.parse(build.finishedAt(), "builds[].finished_at"));
    }
}
