package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.deployment.RecordRelease.PipelineRun;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A release's way through the environments: recorded, planned first, promoted on success only. */
class PromotionTest {

    static final String SHA = "0123456789abcdef0123";

    InMemoryStores stores = new InMemoryStores();
    RecordRelease recordRelease = stores.recordRelease;
    ApplyChangeDecision decisions = stores.decisions;
    ApplyReportedOutcome outcomes = stores.outcomes;

    static Environment env(String name, int order, boolean approval) {
        return new Environment(name, order, approval, DeployTarget.webhook("https://deploy.example/" + name), List.of());
    }

    @BeforeEach
    void catalog() {
        stores.services.save(Service.register("payments", "acme/payments", "main", "sealed",
                List.of(env("production", 20, true), env("staging", 10, false)), Instant.EPOCH));
    }

    /** A green run of the service's pipeline on {@code sha}, run by {@code actor}; each its own run. */
    static PipelineRun green(String service, String actor) {
        return new PipelineRun(service, SHA, new CheckResult("ci", UUID.randomUUID().toString(), null, null,
                CheckResult.SUCCESS, null, Instant.EPOCH), actor, null, List.of());
    }

    Deployment onlyPlanned() {
        return stores.deploymentsById.values().stream().filter(d -> d.state() == DeploymentState.PLANNED)
                .reduce((a, b) -> { throw new AssertionError("more than one planned deployment"); }).orElseThrow();
    }

    @Test
    void a_green_pipeline_records_a_release_planned_into_the_first_environment() {
        assertThat(recordRelease.record(green("payments", "octocat")))
                .isEqualTo(RecordRelease.Outcome.PLANNED);

        assertThat(stores.published(ReleaseRecorded.class)).hasSize(1);
        assertThat(stores.published(DeploymentPlanned.class)).singleElement().satisfies(e -> {
            assertThat(e.environment()).isEqualTo("staging");
            assertThat(e.requiresApproval()).isFalse();
        });
    }

    @Test
    void the_same_commit_again_records_no_other_release() {
        recordRelease.record(green("payments", "octocat"));
        stores.published.clear();

        assertThat(recordRelease.record(green("payments", "hubot")))
                .isEqualTo(RecordRelease.Outcome.KEPT);
        assertThat(stores.published).isEmpty();
        assertThat(stores.deploymentsById).hasSize(1);
    }

    @Test
    void a_pipeline_of_an_unknown_service_records_nothing() {
        assertThat(recordRelease.record(green("billing", "octocat")))
                .isEqualTo(RecordRelease.Outcome.UNKNOWN_SERVICE);
        assertThat(stores.published).isEmpty();
    }

    @Test
    void success_plans_the_next_environment_once_and_success_in_the_last_plans_nothing() {
        recordRelease.record(green("payments", "octocat"));
        var staging = onlyPlanned();
        decisions.authorized(staging.id(), UUID.randomUUID());
        stores.published.clear();

        assertThat(report(staging.id(), Reported.SUCCEEDED)).isEqualTo(ApplyReportedOutcome.Outcome.APPLIED);
        assertThat(report(staging.id(), Reported.SUCCEEDED)).isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);

        assertThat(stores.published(DeploymentSucceeded.class)).hasSize(1);
        assertThat(stores.published(DeploymentPlanned.class)).singleElement().satisfies(e -> {
            assertThat(e.environment()).isEqualTo("production");
            assertThat(e.requiresApproval()).isTrue();
            assertThat(e.releaseId()).isEqualTo(staging.releaseId());
            assertThat(e.requestedBy()).isEqualTo("pipeline:octocat");
        });

        var production = onlyPlanned();
        decisions.authorized(production.id(), UUID.randomUUID());
        stores.published.clear();
        report(production.id(), Reported.SUCCEEDED);
        assertThat(stores.published(DeploymentSucceeded.class)).hasSize(1);
        assertThat(stores.published(DeploymentPlanned.class)).isEmpty();
    }

    @Test
    void failure_promotes_nothing() {
        recordRelease.record(green("payments", "octocat"));
        var staging = onlyPlanned();
        decisions.authorized(staging.id(), UUID.randomUUID());
        stores.published.clear();

        report(staging.id(), Reported.FAILED);

        assertThat(stores.published(DeploymentFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ApplyReportedOutcome.DEFAULT_FAILURE));
        assertThat(stores.published(DeploymentPlanned.class)).isEmpty();
    }

    @Test
    void a_late_or_duplicate_authorization_is_ignored() {
        recordRelease.record(green("payments", "octocat"));
        var staging = onlyPlanned();
        var change = UUID.randomUUID();

        assertThat(decisions.authorized(staging.id(), change)).isEqualTo(ApplyChangeDecision.Outcome.APPLIED);
        assertThat(decisions.authorized(staging.id(), change)).isEqualTo(ApplyChangeDecision.Outcome.IGNORED);
        assertThat(decisions.rejected(staging.id(), change, "late")).isEqualTo(ApplyChangeDecision.Outcome.IGNORED);
        assertThat(decisions.authorized(UUID.randomUUID(), change)).isEqualTo(ApplyChangeDecision.Outcome.IGNORED);
        assertThat(stores.published(DeploymentRequested.class)).hasSize(1);
    }

    /** The outcome, as the executor reports it now. */
    ApplyReportedOutcome.Outcome report(UUID deploymentId, Reported outcome) {
        return outcomes.apply(deploymentId, outcome, null, stores.clock.instant());
    }

    @Test
    void an_outcome_about_an_unknown_or_finished_deployment_is_ignored() {
        assertThat(report(UUID.randomUUID(), Reported.SUCCEEDED)).isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);
        recordRelease.record(green("payments", "octocat"));
        var staging = onlyPlanned();
        assertThat(report(staging.id(), Reported.SUCCEEDED)).as("not authorized yet")
                .isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);
        decisions.authorized(staging.id(), UUID.randomUUID());
        report(staging.id(), Reported.FAILED);
        stores.published.clear();

        assertThat(report(staging.id(), Reported.SUCCEEDED)).isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);
        assertThat(stores.published).isEmpty();
        assertThat(stores.deploymentsById.get(staging.id()).state()).isEqualTo(DeploymentState.FAILED);
    }

    @Test
    void an_outcome_the_executor_took_at_or_after_the_deadline_is_ignored_the_timeout_fails_it() {
        recordRelease.record(green("payments", "octocat"));
        var staging = onlyPlanned();
        decisions.authorized(staging.id(), UUID.randomUUID());
        stores.published.clear();
        var deadline = stores.deploymentsById.get(staging.id()).deadline();

        assertThat(outcomes.apply(staging.id(), Reported.SUCCEEDED, null, deadline))
                .isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);
        assertThat(stores.published).isEmpty();
        assertThat(stores.deploymentsById.get(staging.id()).state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }

    // Pipelines' deployments (gates): decided like any other, their gate told in the same transaction

    Deployment plannedForPipeline() {
        var release = Release.fromPipeline("payments", SHA, null, "https://ci.example/runs/9", "hubot", Instant.EPOCH);
        stores.releases.save(release);
        var deployment = Deployment.planForPipeline(release, env("production", 20, true), "pipeline:hubot",
                "https://ci.example/runs/9", Instant.EPOCH);
        stores.deployments.save(deployment);
        return deployment;
    }

    @Test
    void the_decision_about_a_pipeline_s_deployment_decides_its_gate_and_requests_nothing() {
        var allowed = plannedForPipeline();
        var rejected = plannedForPipeline();

        assertThat(decisions.authorized(allowed.id(), UUID.randomUUID())).isEqualTo(ApplyChangeDecision.Outcome.APPLIED);
        assertThat(decisions.rejected(rejected.id(), UUID.randomUUID(), "no")).isEqualTo(ApplyChangeDecision.Outcome.APPLIED);
        assertThat(decisions.authorized(allowed.id(), UUID.randomUUID())).isEqualTo(ApplyChangeDecision.Outcome.IGNORED);

        assertThat(stores.gateDecisions).containsExactly("allowed " + allowed.id(), "refused " + rejected.id());
        assertThat(stores.published(DeploymentRequested.class)).isEmpty();
        assertThat(stores.deploymentsById.get(allowed.id()).state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }

    @Test
    void a_target_s_deployment_tells_no_gate() {
        recordRelease.record(green("payments", "octocat"));

        decisions.authorized(onlyPlanned().id(), UUID.randomUUID());

        assertThat(stores.gateDecisions).isEmpty();
        assertThat(stores.published(DeploymentRequested.class)).hasSize(1);
    }

    @Test
    void a_pipeline_s_deployment_takes_no_outcome_from_an_executor() {
        var deployment = plannedForPipeline();
        decisions.authorized(deployment.id(), UUID.randomUUID());

        assertThat(report(deployment.id(), Reported.SUCCEEDED)).isEqualTo(ApplyReportedOutcome.Outcome.IGNORED);
        assertThat(stores.deploymentsById.get(deployment.id()).state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }
}
