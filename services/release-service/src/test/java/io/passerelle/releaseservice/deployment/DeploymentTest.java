package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
            DeployTarget.webhook("https://deploy.example/prod"));

    static Release release() {
        return Release.fromPipeline("payments", "0123456789abcdef", "https://ci.example/runs/1", "octocat", PLANNED_AT);
    }

    static Deployment planned() {
        var deployment = Deployment.plan(release(), PRODUCTION, PLANNED_AT);
        deployment.pullEvents();
        return deployment;
    }

    static Deployment requested() {
        var deployment = planned();
        deployment.authorize(CHANGE, PLANNED_AT);
        deployment.pullEvents();
        return deployment;
    }

    static Deployment inProgress() {
        var deployment = requested();
        deployment.start(PLANNED_AT);
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
    void authorizing_a_planned_deployment_requests_it_from_the_deploy_target() {
        var deployment = planned();

        deployment.authorize(CHANGE, LATER);

        assertThat(deployment.state()).isEqualTo(DeploymentState.REQUESTED);
        assertThat(deployment.changeId()).isEqualTo(CHANGE);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentRequested.class, e -> {
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.target()).isEqualTo(PRODUCTION.target());
            assertThat(e.requestedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void a_decision_about_a_deployment_no_longer_planned_changes_nothing() {
        var requested = requested();
        assertThat(requested.authorize(UUID.randomUUID(), LATER)).isFalse();
        assertThat(requested.cancel(UUID.randomUUID(), "late", LATER)).isFalse();
        assertThat(requested.state()).isEqualTo(DeploymentState.REQUESTED);
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
    void the_target_accepting_starts_a_requested_deployment() {
        var deployment = requested();

        assertThat(deployment.start(LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(deployment.startedAt()).isEqualTo(LATER);
    }

    @Test
    void a_dispatch_report_about_a_deployment_no_longer_requested_changes_nothing() {
        assertThat(planned().start(LATER)).isFalse();
        var started = inProgress();
        assertThat(started.start(LATER)).isFalse();
        assertThat(started.startedAt()).isEqualTo(PLANNED_AT);

        var succeeded = requested();
        succeeded.succeed(LATER);
        assertThat(succeeded.start(LATER)).isFalse();
        assertThat(succeeded.state()).isEqualTo(DeploymentState.SUCCEEDED);
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
    void the_outcome_may_overtake_the_dispatch_report() {
        var deployment = requested();

        assertThat(deployment.succeed(LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentSucceeded.class,
                e -> assertThat(e.startedAt()).isNull());
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

    @Test
    void a_requested_deployment_fails_when_its_target_cannot_be_reached() {
        var deployment = requested();

        assertThat(deployment.dispatchFailed("connection refused", LATER)).isTrue();

        assertThat(deployment.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(deployment.pullEvents()).singleElement().isInstanceOfSatisfying(DeploymentFailed.class, e -> {
            assertThat(e.reason()).isEqualTo("connection refused");
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.startedAt()).isNull();
        });
    }

    @Test
    void a_dispatch_failure_after_the_outcome_or_before_the_decision_changes_nothing() {
        var succeeded = inProgress();
        succeeded.succeed(LATER);
        succeeded.pullEvents();
        assertThat(succeeded.dispatchFailed("connection refused", LATER)).isFalse();
        assertThat(succeeded.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(succeeded.pullEvents()).isEmpty();

        var planned = planned();
        assertThat(planned.dispatchFailed("connection refused", LATER)).isFalse();
        assertThat(planned.state()).isEqualTo(DeploymentState.PLANNED);
    }
}
