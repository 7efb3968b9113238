package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.passerelle.integrationservice.catalog.CatalogedService;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {

    static final CatalogedService SERVICE = new CatalogedService("payments", "octo-org/Payments", "main", "sealed",
            Instant.EPOCH, java.util.List.of("prod"));
    static final Instant UPDATED = Instant.parse("2026-11-27T10:00:00Z");

    static WorkflowRun run(String branch, String conclusion) {
        return new WorkflowRun(42L, "ci", branch, "3484a3fb816e0859fd6e1cea078d76385ff50625", conclusion,
                "https://github.com/octo-org/payments/actions/runs/42", UPDATED, "octocat");
    }

    static GithubDelivery delivery(String event, String action, WorkflowRun run) {
        return new GithubDelivery(event, "d-1", "octo-org/payments", action, run);
    }

    @Test
    void a_successful_completed_run_on_the_default_branch_is_a_pipeline_success() {
        var outcome = PipelineRules.judge(delivery("workflow_run", "completed", run("main", "success")), SERVICE);

        assertThat(outcome).isEqualTo(new ReceiveGithubDelivery.Outcome.Accepted(new PipelineSucceeded("payments", "octo-org/Payments",
                "main", "3484a3fb816e0859fd6e1cea078d76385ff50625", "42",
                "https://github.com/octo-org/payments/actions/runs/42", "ci", "octocat", "github", "d-1", UPDATED)));
    }

    @Test
    void a_run_that_is_not_completed_is_ignored() {
        assertThat(PipelineRules.judge(delivery("workflow_run", "in_progress", run("main", null)), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored("workflow_run action 'in_progress' is not 'completed'"));
    }

    @Test
    void a_failed_run_is_ignored() {
        assertThat(PipelineRules.judge(delivery("workflow_run", "completed", run("main", "failure")), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored("workflow_run conclusion 'failure' is not 'success'"));
    }

    @Test
    void a_run_on_another_branch_is_ignored() {
        assertThat(PipelineRules.judge(delivery("workflow_run", "completed", run("feature/x", "success")), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored(
                        "branch 'feature/x' is not the default branch 'main' of payments"));
    }

    @Test
    void other_events_are_ignored_and_ping_is_answered() {
        assertThat(PipelineRules.judge(delivery("push", null, null), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored("event 'push' is not handled (only workflow_run)"));
        assertThat(PipelineRules.judge(delivery("ping", null, null), SERVICE)).isEqualTo(new ReceiveGithubDelivery.Outcome.Pong());
    }

    @Test
    void a_green_run_without_its_commit_is_refused() {
        var run = new WorkflowRun(42L, "ci", "main", null, "success", null, UPDATED, null);
        assertThatThrownBy(() -> PipelineRules.judge(delivery("workflow_run", "completed", run), SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("head_sha");
    }
}
