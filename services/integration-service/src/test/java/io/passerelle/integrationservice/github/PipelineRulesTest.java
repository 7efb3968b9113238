package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.passerelle.integrationservice.catalog.CatalogedService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineRulesTest {

    static final CatalogedService SERVICE = new CatalogedService("payments", "octo-org/Payments", "main", "sealed",
            Instant.EPOCH, java.util.List.of("prod"));
    static final Instant UPDATED = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant COMMITTED = Instant.parse("2026-11-27T09:41:07Z");
    static final String SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
    static final String RUN_URL = "https://github.com/octo-org/payments/actions/runs/42";

    static WorkflowRun run(String branch, @Nullable String conclusion) {
        return run(branch, conclusion, "octo-org/payments");
    }

    static WorkflowRun run(String branch, @Nullable String conclusion, @Nullable String headRepository) {
        return new WorkflowRun(42L, "ci", branch, SHA, conclusion, RUN_URL, UPDATED, "octocat", 163L, 2,
                headRepository, new WorkflowRun.HeadCommit(SHA, "Pay with saved cards\n\nCloses #12", COMMITTED));
    }

    static GithubDelivery delivery(String event, @Nullable String action, @Nullable WorkflowRun run) {
        return new GithubDelivery(event, "d-1", "octo-org/payments", action, run);
    }

    static final List<PipelineCommit> HEAD = List.of(new PipelineCommit(SHA, "Pay with saved cards", COMMITTED));

    @Test
    void a_successful_completed_run_on_the_default_branch_is_a_pipeline_success_with_its_attempt_and_head_commit() {
        var outcome = PipelineRules.judge(delivery("workflow_run", "completed", run("main", "success")), SERVICE);

        assertThat(outcome).isEqualTo(new ReceiveGithubDelivery.Outcome.Accepted(new PipelineSucceeded("payments",
                "octo-org/Payments", "main", SHA, "42", RUN_URL, "ci", "octocat", "github", "d-1", UPDATED, 163L, 2,
                COMMITTED, HEAD)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "failure", "cancelled", "timed_out", "action_required", "neutral", "skipped", "stale",
            "startup_failure" })
    void a_completed_run_that_did_not_succeed_is_a_pipeline_failure_with_its_conclusion(String conclusion) {
        var outcome = PipelineRules.judge(delivery("workflow_run", "completed", run("main", conclusion)), SERVICE);

        assertThat(outcome).isEqualTo(new ReceiveGithubDelivery.Outcome.Accepted(new PipelineFailed("payments",
                "octo-org/Payments", "main", SHA, "42", RUN_URL, "ci", "octocat", "github", "d-1", UPDATED, conclusion,
                163L, 2, COMMITTED, HEAD)));
    }

    @Test
    void a_run_that_is_not_completed_is_ignored() {
        assertThat(PipelineRules.judge(delivery("workflow_run", "in_progress", run("main", null)), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored("workflow_run action 'in_progress' is not 'completed'"));
    }

    @Test
    void a_run_on_another_branch_is_ignored_whatever_its_conclusion() {
        for (var conclusion : List.of("success", "failure")) {
            assertThat(PipelineRules.judge(delivery("workflow_run", "completed", run("feature/x", conclusion)), SERVICE))
                    .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored(
                            "branch 'feature/x' is not the default branch 'main' of payments"));
        }
    }

    @Test
    void a_run_of_a_fork_s_branch_named_like_the_default_branch_is_ignored() {
        assertThat(PipelineRules.judge(delivery("workflow_run", "completed", run("main", "success", "mallory/payments")),
                SERVICE)).isInstanceOfSatisfying(ReceiveGithubDelivery.Outcome.Ignored.class,
                        ignored -> assertThat(ignored.reason()).contains("mallory/payments", "fork"));
        assertThat(PipelineRules.judge(delivery("workflow_run", "completed", run("main", "success", "Octo-Org/Payments")),
                SERVICE)).as("GitHub compares owner/repo without case")
                .isInstanceOf(ReceiveGithubDelivery.Outcome.Accepted.class);
    }

    @Test
    void a_run_without_a_head_commit_carries_no_commit_evidence() {
        var run = new WorkflowRun(42L, "ci", "main", SHA, "success", RUN_URL, UPDATED, "octocat", null, null, null, null);

        var outcome = PipelineRules.judge(delivery("workflow_run", "completed", run), SERVICE);

        assertThat(outcome).isEqualTo(new ReceiveGithubDelivery.Outcome.Accepted(new PipelineSucceeded("payments",
                "octo-org/Payments", "main", SHA, "42", RUN_URL, "ci", "octocat", "github", "d-1", UPDATED, null, null,
                null, null)));
    }

    @Test
    void other_events_are_ignored_and_ping_is_answered() {
        assertThat(PipelineRules.judge(delivery("push", null, null), SERVICE))
                .isEqualTo(new ReceiveGithubDelivery.Outcome.Ignored("event 'push' is not handled (only workflow_run)"));
        assertThat(PipelineRules.judge(delivery("ping", null, null), SERVICE)).isEqualTo(new ReceiveGithubDelivery.Outcome.Pong());
    }

    @Test
    void a_completed_run_without_its_commit_or_conclusion_is_refused() {
        var noSha = new WorkflowRun(42L, "ci", "main", null, "success", null, UPDATED, null, null, null, null, null);
        assertThatThrownBy(() -> PipelineRules.judge(delivery("workflow_run", "completed", noSha), SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("head_sha");
        assertThatThrownBy(() -> PipelineRules.judge(delivery("workflow_run", "completed", run("main", null)), SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conclusion");
    }
}
