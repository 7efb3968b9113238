package io.passerelle.integrationservice.gitlab;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a GitLab Pipeline Hook that matter here: the project ({@code path_with_namespace}, {@code web_url}), the pipeline
 * ({@code object_attributes}: id, ref, tag, sha, status, name, finished_at, url), who ran it, the head commit and its
 * jobs ({@code builds[]}).
 */
public record PipelineHook(String project, @Nullable String projectUrl, @Nullable Long id, @Nullable String ref, boolean tag, @Nullable String sha,
        @Nullable String status, @Nullable String name, @Nullable Instant finishedAt, @Nullable String url,
        @Nullable String user, @Nullable Commit commit, List<Job> jobs) {

    public PipelineHook {
        jobs = List.copyOf(jobs);
    }

    /** {@code commit}: the pipeline's head commit. */
    public record Commit(@Nullable String id, @Nullable String message, @Nullable Instant timestamp) {
    }

    /** One of {@code builds[]}: a job, named as {@code .gitlab-ci.yml} names it. */
    public record Job(long id, String name, @Nullable String status, boolean allowFailure,
            @Nullable Instant finishedAt) {
    }
}
