package io.passerelle.integrationservice.gitlab.adapter.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.gitlab.GitlabHook;
import io.passerelle.integrationservice.gitlab.GitlabTime;
import io.passerelle.integrationservice.gitlab.PipelineHook;
import org.jspecify.annotations.Nullable;

/** The few fields read from a GitLab hook (tolerant reader: GitLab sends many more). */
record GitlabPayload(@JsonProperty("object_kind") @Nullable String objectKind, @Nullable Project project,
        @JsonProperty("object_attributes") @Nullable Attributes objectAttributes, @Nullable User user,
        @Nullable Commit commit, @Nullable List<Build> builds) {

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
                : null);
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
