package io.passerelle.integrationservice.github;

import io.passerelle.integrationservice.catalog.CatalogedService;
import org.jspecify.annotations.Nullable;

/**
 * Which verified deliveries become {@code pipeline.succeeded.v1}: a {@code workflow_run} {@code completed} with
 * conclusion {@code success} on the service's default branch. Everything else is ignored, with the reason.
 */
final class PipelineRules {

    static final String PROVIDER = "github";

    private PipelineRules() {
    }

    static ReceiveGithubDelivery.Outcome judge(GithubDelivery delivery, CatalogedService service) {
        if (delivery.event().equals("ping")) {
            return new ReceiveGithubDelivery.Outcome.Pong();
        }
        if (!delivery.event().equals("workflow_run")) {
            return new ReceiveGithubDelivery.Outcome.Ignored("event '" + delivery.event() + "' is not handled (only workflow_run)");
        }
        if (!"completed".equals(delivery.action())) {
            return new ReceiveGithubDelivery.Outcome.Ignored("workflow_run action '" + delivery.action() + "' is not 'completed'");
        }
        var run = delivery.workflowRun();
        if (run == null) {
            throw new IllegalArgumentException("workflow_run delivery without a workflow_run object");
        }
        if (!"success".equals(run.conclusion())) {
            return new ReceiveGithubDelivery.Outcome.Ignored("workflow_run conclusion '" + run.conclusion() + "' is not 'success'");
        }
        if (!service.defaultBranch().equals(run.headBranch())) {
            return new ReceiveGithubDelivery.Outcome.Ignored("branch '" + run.headBranch() + "' is not the default branch '"
                    + service.defaultBranch() + "' of " + service.name());
        }
        return new ReceiveGithubDelivery.Outcome.Accepted(new PipelineSucceeded(service.name(), service.repository(),
                service.defaultBranch(), required(run.headSha(), "head_sha"), String.valueOf(required(run.id(), "id")),
                run.htmlUrl(), run.name(), run.actor(), PROVIDER, delivery.deliveryId(),
                required(run.updatedAt(), "updated_at")));
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("completed workflow_run without " + field);
        }
        return value;
    }
}
