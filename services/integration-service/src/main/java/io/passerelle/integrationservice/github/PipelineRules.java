package io.passerelle.integrationservice.github;

import java.util.List;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.platform.event.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Which verified deliveries become pipeline events: a {@code workflow_run} {@code completed} on the service's default
 * branch, built from the repository itself (not a fork's branch of the same name), becomes
 * {@code pipeline.succeeded.v1} with conclusion {@code success} and {@code pipeline.failed.v1} with any other (a
 * required check that fails must stop a release, so release-service hears of it). Everything else is ignored, with
 * the reason.
 */
final class PipelineRules {

    static final String PROVIDER = "github";
    static final String SUCCESS = "success";
    static final int MAX_SUBJECT = 500;

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
        if (!service.defaultBranch().equals(run.headBranch())) {
            return new ReceiveGithubDelivery.Outcome.Ignored("branch '" + run.headBranch() + "' is not the default branch '"
                    + service.defaultBranch() + "' of " + service.name());
        }
        if (run.headRepository() != null && !run.headRepository().equalsIgnoreCase(service.repository())) {
            return new ReceiveGithubDelivery.Outcome.Ignored("the run's head is in " + run.headRepository() + ", not in "
                    + service.repository() + ": a fork's branch '" + run.headBranch() + "' is not the default branch");
        }
        return new ReceiveGithubDelivery.Outcome.Accepted(event(delivery, service, run));
    }

    private static DomainEvent event(GithubDelivery delivery, CatalogedService service, WorkflowRun run) {
        var conclusion = required(run.conclusion(), "conclusion");
        var sha = required(run.headSha(), "head_sha");
        var runId = String.valueOf(required(run.id(), "id"));
        var finishedAt = required(run.updatedAt(), "updated_at");
        var head = run.headCommit();
        var commits = head == null || head.id() == null ? null
                : List.of(new PipelineCommit(head.id(), firstLine(head.message()), head.timestamp()));
        var headCommitAt = head == null ? null : head.timestamp();
        if (conclusion.equals(SUCCESS)) {
            return new PipelineSucceeded(service.name(), service.repository(), service.defaultBranch(), sha, runId,
                    run.htmlUrl(), run.name(), run.actor(), PROVIDER, delivery.deliveryId(), finishedAt,
                    run.runNumber(), run.runAttempt(), headCommitAt, commits);
        }
        return new PipelineFailed(service.name(), service.repository(), service.defaultBranch(), sha, runId,
                run.htmlUrl(), run.name(), run.actor(), PROVIDER, delivery.deliveryId(), finishedAt, conclusion,
                run.runNumber(), run.runAttempt(), headCommitAt, commits);
    }

    /**
     * A commit message's subject, at most {@value #MAX_SUBJECT} characters: what a list of commits shows (the body
     * stays in the repository).
     */
    private static @Nullable String firstLine(@Nullable String message) {
        if (message == null) {
            return null;
        }
        var end = message.indexOf('\n');
        var subject = (end < 0 ? message : message.substring(0, end)).strip();
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("completed workflow_run without " + field);
        }
        return value;
    }
}
