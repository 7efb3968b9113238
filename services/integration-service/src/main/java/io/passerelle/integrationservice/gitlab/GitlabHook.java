package io.passerelle.integrationservice.gitlab;

import org.jspecify.annotations.Nullable;

/**
 * One hook as received: {@code X-Gitlab-Event}, the {@code Idempotency-Key} (the same on GitLab's retries), the
 * project it is about ({@code project.path_with_namespace}) and, for a Pipeline Hook, the pipeline; for a Deployment
 * Hook, the deployment.
 */
public record GitlabHook(String event, String idempotencyKey, @Nullable String project,
        @Nullable PipelineHook pipeline, @Nullable DeploymentHook deployment) {

    /** A hook that is not a Deployment Hook. */
    public GitlabHook(String event, String idempotencyKey, @Nullable String project, @Nullable PipelineHook pipeline) {
        this(event, idempotencyKey, project, pipeline, null);
    }

    public static final String PIPELINE = "Pipeline Hook";
    public static final String DEPLOYMENT = "Deployment Hook";
}
