package io.passerelle.integrationservice.gitlab;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a GitLab Deployment Hook that matter here: the project, GitLab's deployment id, its status
 * ({@code created}, {@code running}, {@code success}, {@code failed}, {@code canceled}) and when it changed, the
 * environment, the ref and commit deployed, the job that deployed it and who ran it.
 */
public record DeploymentHook(String project, @Nullable Long deploymentId, @Nullable String status,
        @Nullable Instant statusChangedAt, @Nullable String environment, @Nullable String ref,
        @Nullable String shortSha, @Nullable String commitUrl, @Nullable String deployableUrl,
        @Nullable String user) {
}
