package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import org.junit.jupiter.api.Test;

class DeploymentTest {

    static final Instant PLANNED_AT = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATER = PLANNED_AT.plusSeconds(60);
    static final UUID CHANGE = UUID.randomUUID();
    static final Environment PRODUCTION = new Environment("production", 2, true,
            DeployTarget.webhook("https://deploy.example/prod"), List.of());

    static Release release() {
        return Release.fromPipeline("payments", "0123456789abcdef", null, "https://ci.example/runs/1", "octocat", PLANNED_AT);
    }

    static Deployment planned() {
        var deployment = Deployment.plan(release(), PRODUCTION, PLANNED_AT);
        deployment.pullEvents();
        return deployment;
    }

    static Deployment inProgress() {
        var deployment = planned();
        deployment.authorize(CHANGE, PLANNED_AT);
        deployment.pullEvents();
        return deployment;
    }

    static void assertConflict(Runnable transition) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
    }

    @Test
    void a_planned_deployment_carries_the_environment_approval_rule_and_the_release() {
        var release = release();
        var deployment = Deployment.plan(release, PRODUCTION, PLANNED_AT);

        assertThat(deployment.state()).isEqualTo(DeploymentState.PLANNED);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentPlanned.class, e -> {
            assertThat(e.deploymentId()).isEqualTo(deployment.id());
            assertThat(e.releaseId()).isEqualTo(release.id());
            assertThat(e.environment()).isEqualTo("production");
            assertThat(e.requiresApproval()).isTrue();
            assertThat(e.requestedBy()).isEqualTo("pipeline:octocat");
            assertThat(e.version()).isEqualTo("0123456789ab");
            assertThat(e.runUrl()).isEqualTo("https://ci.example/runs/1");
        });
    }

    @Test
    void authorizing_a_planned_deployment_starts_it_and_requests_it_from_the_deploy_target_with_its_deadline() {
        var deployment = planned();

        deployment.authorize(CHANGE, LATER);

        assertThat(deployment.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(deployment.startedAt()).isEqualTo(LATER);
        assertThat(deployment.changeId()).isEqualTo(CHANGE);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentRequested.class, e -> {
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.target()).isEqualTo(DeploymentRequested.Target.of(PRODUCTION.target()));
            assertThat(e.requestedAt()).isEqualTo(LATER);
            assertThat(e.deadline()).isEqualTo(LATER.plus(Environment.DEFAULT_TIMEOUT));
        });
    }

    @Test
    void a_decision_about_a_deployment_no_longer_planned_changes_nothing() {
        var requested = inProgress();
        assertThat(requested.authorize(UUID.randomUUID(), LATER)).isFalse();
        assertThat(requested.cancel(UUID.randomUUID(), "late", LATER)).isFalse();
        assertThat(requested.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(requested.changeId()).isEqualTo(CHANGE);
        assertThat(requested.pullEvents()).isEmpty();

        var cancelled = planned();
        cancelled.cancel(CHANGE, "rejected", LATER);
        assertThat(cancelled.authorize(CHANGE, LATER)).isFalse();
        assertThat(cancelled.state()).isEqualTo(DeploymentState.CANCELLED);
        assertThat(cancelled.pullEvents()).isEmpty();
    }

    @Test
    void rejecting_the_change_cancels_a_planned_deployment_without_event() {
        var deployment = planned();

        assertThat(deployment.cancel(CHANGE, "too risky", LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.CANCELLED);
        assertThat(deployment.reason()).isEqualTo("too risky");
        assertThat(deployment.changeId()).isEqualTo(CHANGE);
        assertThat(deployment.finishedAt()).isEqualTo(LATER);
        assertThat(deployment.pullEvents()).isEmpty();
    }

    @Test
    void a_deployment_in_progress_succeeds_with_its_change_and_start() {
        var deployment = inProgress();

        assertThat(deployment.succeed(LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentSucceeded.class, e -> {
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.startedAt()).isEqualTo(PLANNED_AT);
            assertThat(e.finishedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void a_success_carries_the_authorization_as_its_start() {
        var deployment = inProgress();

        assertThat(deployment.succeed(LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentSucceeded.class,
                e -> assertThat(e.startedAt()).isEqualTo(PLANNED_AT));
    }

    @Test
    void reporting_the_same_outcome_again_changes_nothing() {
        var succeeded = inProgress();
        succeeded.succeed(LATER);
        succeeded.pullEvents();
        assertThat(succeeded.succeed(LATER.plusSeconds(5))).isFalse();
        assertThat(succeeded.finishedAt()).isEqualTo(LATER);
        assertThat(succeeded.pullEvents()).isEmpty();

        var failed = inProgress();
        failed.fail("boom", LATER);
        failed.pullEvents();
        assertThat(failed.fail("boom again", LATER.plusSeconds(5))).isFalse();
        assertThat(failed.reason()).isEqualTo("boom");
        assertThat(failed.pullEvents()).isEmpty();
    }

    @Test
    void a_finished_deployment_cannot_change_its_outcome() {
        var succeeded = inProgress();
        succeeded.succeed(LATER);
        assertConflict(() -> succeeded.fail("late failure", LATER));

        var failed = inProgress();
        failed.fail("boom", LATER);
        assertConflict(() -> failed.succeed(LATER));
    }

    @Test
    void an_unauthorized_deployment_has_no_outcome() {
        assertConflict(() -> planned().succeed(LATER));
        assertConflict(() -> planned().fail("boom", LATER));
        var cancelled = planned();
        cancelled.cancel(CHANGE, "rejected", LATER);
        assertConflict(() -> cancelled.succeed(LATER));
        assertConflict(() -> cancelled.fail("boom", LATER));
    }

    // Deployments their pipeline carries out, behind a gate

    static final String RUN = "https://ci.example/runs/7";

    static Deployment plannedForPipeline() {
        var deployment = Deployment.planForPipeline(release(), PRODUCTION, "pipeline:hubot", RUN, PLANNED_AT);
        deployment.pullEvents();
        return deployment;
    }

    static Deployment allowedPipelineDeployment() {
        var deployment = plannedForPipeline();
        deployment.authorize(CHANGE, LATER);
        return deployment;
    }

    @Test
    void a_pipeline_s_deployment_is_planned_for_its_requester_and_run_without_a_target() {
        var deployment = Deployment.planForPipeline(release(), PRODUCTION, "pipeline:hubot", RUN, PLANNED_AT);

        assertThat(deployment.executor()).isEqualTo(Executor.PIPELINE);
        assertThat(deployment.target()).isNull();
        assertThat(deployment.requestedBy()).isEqualTo("pipeline:hubot");
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentPlanned.class, e -> {
            assertThat(e.requestedBy()).isEqualTo("pipeline:hubot");
            assertThat(e.runUrl()).isEqualTo(RUN);
            assertThat(e.requiresApproval()).isTrue();
            assertThat(e.environment()).isEqualTo("production");
        });
    }

    @Test
    void an_authorized_pipeline_deployment_is_in_progress_at_once_and_requests_nothing() {
        var deployment = plannedForPipeline();

        assertThat(deployment.authorize(CHANGE, LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(deployment.changeId()).isEqualTo(CHANGE);
        assertThat(deployment.startedAt()).isEqualTo(LATER);
        assertThat(deployment.pullEvents()).isEmpty();
        assertThat(deployment.authorize(UUID.randomUUID(), LATER)).isFalse();
    }

    @Test
    void a_pipeline_deployment_succeeds_or_fails_with_the_same_events_as_a_target_s() {
        var succeeded = allowedPipelineDeployment();
        assertThat(succeeded.succeed(LATER.plusSeconds(30))).isTrue();
        assertThat(succeeded.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentSucceeded.class, e -> {
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.startedAt()).isEqualTo(LATER);
            assertThat(e.finishedAt()).isEqualTo(LATER.plusSeconds(30));
        });

        var failed = allowedPipelineDeployment();
        assertThat(failed.fail("smoke test failed", LATER.plusSeconds(30))).isTrue();
        assertThat(failed.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentFailed.class, e -> {
            assertThat(e.reason()).isEqualTo("smoke test failed");
            assertThat(e.changeId()).isEqualTo(CHANGE);
        });
    }

    @Test
    void a_rejected_pipeline_deployment_is_cancelled_and_takes_no_outcome() {
        var deployment = plannedForPipeline();

        assertThat(deployment.cancel(CHANGE, "change rejected", LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.CANCELLED);
        assertConflict(() -> deployment.succeed(LATER));
    }

    @Test
    void the_change_raised_for_a_planned_deployment_is_recorded_until_it_is_decided() {
        var deployment = plannedForPipeline();
        var raised = UUID.randomUUID();

        assertThat(deployment.changeRaised(raised)).isTrue();
        assertThat(deployment.changeRaised(raised)).isFalse();
        assertThat(deployment.changeId()).isEqualTo(raised);
        assertThat(deployment.state()).isEqualTo(DeploymentState.PLANNED);
        assertThat(allowedPipelineDeployment().changeRaised(raised)).isFalse();
        assertThat(deployment.pullEvents()).isEmpty();
    }

    @Test
    void a_deployment_has_a_target_exactly_when_its_target_carries_it_out() {
        assertThatThrownBy(() -> Deployment.restore(UUID.randomUUID(), UUID.randomUUID(), "payments", "production",
                "v", "0123456", true, Executor.PIPELINE, PRODUCTION.target(), "pipeline:x", RUN, PLANNED_AT,
                Environment.DEFAULT_TIMEOUT, null,
                DeploymentState.PLANNED, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deployment.restore(UUID.randomUUID(), UUID.randomUUID(), "payments", "production",
                "v", "0123456", true, Executor.TARGET, null, "pipeline:x", RUN, PLANNED_AT,
                Environment.DEFAULT_TIMEOUT, null,
                DeploymentState.PLANNED, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_authorized_deployment_is_due_its_environments_timeout_after_the_authorization() {
        var deployment = inProgress();

        assertThat(deployment.timeout()).isEqualTo(Environment.DEFAULT_TIMEOUT);
        assertThat(deployment.deadline()).isEqualTo(PLANNED_AT.plus(Environment.DEFAULT_TIMEOUT));
        assertThat(planned().deadline()).isNull();
    }

    @Test
    void an_underway_deployment_without_outcome_by_its_deadline_fails_saying_so() {
        var deployment = inProgress();
        var deadline = PLANNED_AT.plusSeconds(30 * 60);

        assertThat(deployment.timeOut(deadline.minusMillis(1))).isFalse();
        assertThat(deployment.timeOut(deadline)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(deployment.reason()).isEqualTo("no outcome within 30m of its authorization at " + PLANNED_AT
                + " (the environment's deployment timeout)");
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentFailed.class,
                e -> assertThat(e.reason()).startsWith("no outcome within 30m"));
        assertThat(deployment.timeOut(deadline.plusSeconds(1))).isFalse();
    }

    @Test
    void a_finished_deployment_never_times_out() {
        var deployment = inProgress();
        deployment.succeed(LATER);
        deployment.pullEvents();

        assertThat(deployment.timeOut(PLANNED_AT.plusSeconds(3600))).isFalse();
        assertThat(deployment.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(deployment.pullEvents()).isEmpty();
    }

    @Test
    void an_outcome_reported_after_the_deadline_is_refused_naming_the_timeout_and_changes_nothing() {
        var deployment = inProgress();
        var late = PLANNED_AT.plusSeconds(30 * 60 + 1);

        assertThatThrownBy(() -> deployment.succeed(late)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.getMessage()).contains("no outcome within 30m").contains("too late"));
        assertThatThrownBy(() -> deployment.fail("boom", late)).isInstanceOf(RuleViolationException.class);
        assertThat(deployment.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(deployment.pullEvents()).isEmpty();
    }

    @Test
    void success_after_a_timeout_is_a_conflict_that_names_the_timeout() {
        var deployment = inProgress();
        deployment.timeOut(PLANNED_AT.plusSeconds(30 * 60));

        assertThatThrownBy(() -> deployment.succeed(PLANNED_AT.plusSeconds(31 * 60)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("is FAILED (no outcome within 30m"));
    }

    @Test
    void a_pipeline_deployment_times_out_too() {
        var deployment = allowedPipelineDeployment();

        assertThat(deployment.timeOut(deployment.deadline())).isTrue();
        assertThat(deployment.state()).isEqualTo(DeploymentState.FAILED);
    }

    @Test
    void environment_timeouts_are_whole_seconds_within_bounds() {
        var target = DeployTarget.webhook("https://deploy.example/prod");
        assertThatThrownBy(() -> new Environment("prod", 1, true, target, java.time.Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5S to PT24H");
        assertThatThrownBy(() -> new Environment("prod", 1, true, target, java.time.Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Environment("prod", 1, true, target, java.time.Duration.ofMillis(5500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Environment("prod", 1, true, target, java.time.Duration.ofSeconds(5)).deploymentTimeout())
                .hasSeconds(5);
    }

    @Test
    void durations_read_as_people_write_them() {
        assertThat(Deployment.human(java.time.Duration.ZERO)).isEqualTo("0s");
        assertThat(Deployment.human(java.time.Duration.ofMillis(900))).as("whole seconds").isEqualTo("0s");
        assertThat(Deployment.human(java.time.Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Deployment.human(java.time.Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Deployment.human(java.time.Duration.ofSeconds(725))).isEqualTo("12m5s");
        assertThat(Deployment.human(java.time.Duration.ofHours(24))).isEqualTo("24h");
        assertThat(Deployment.human(java.time.Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Deployment.human(java.time.Duration.ofSeconds(3601))).isEqualTo("1h1s");
    }
}
