package io.passerelle.integration.github;

import org.jspecify.annotations.Nullable;

/**
 * What a GitHub webhook delivery says, read from its headers and body.
 *
 * @param event {@code X-GitHub-Event}, e.g. {@code workflow_run}, {@code ping}
 * @param deliveryId {@code X-GitHub-Delivery}
 * @param repository {@code repository.full_name}, absent for deliveries about no repository
 * @param workflowRun present for {@code workflow_run} events
 */
public record GithubDelivery(String event, String deliveryId, @Nullable String repository, @Nullable String action,
        @Nullable WorkflowRun workflowRun) {
}
