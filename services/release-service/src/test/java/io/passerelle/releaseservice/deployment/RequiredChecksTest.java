package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.deployment.RecordRelease.Outcome;
import io.passerelle.releaseservice.deployment.RecordRelease.PipelineRun;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Releases from many pipelines: staging requires build, test and e2e to be green on the commit, production also perf.
 * Each workflow is one check; its latest result (by run number, then attempt) is the one that counts.
 */
class RequiredChecksTest {

    static final String SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
    static final Instant HEAD_COMMIT_AT = Instant.parse("2026-03-01T09:41:07Z");

    InMemoryStores stores = new InMemoryStores();
    RecordRelease recordRelease = stores.recordRelease;
    ApplyChangeDecision decisions = stores.decisions;
    ApplyReportedOutcome outcomes = stores.outcomes;

    @BeforeEach
    void catalog() {
        stores.services.save(Service.register("payments", "acme/payments", "main", "sealed", List.of(
                new Environment("staging", 10, false, DeployTarget.webhook("https://deploy.example/staging"),
                        List.of("build", "test", "e2e")),
                new Environment("production", 20, true, DeployTarget.webhook("https://deploy.example/production"),
                        List.of("build", "test", "e2e", "perf"))), Instant.EPOCH));
    }

    /** Attempt {@code attempt} of run number {@code number} of workflow {@code name} ended with {@code conclusion}. */
    static PipelineRun run(String name, long number, int attempt, String conclusion) {
        var runId = name + "-" + number;
        return new PipelineRun("payments", SHA, new CheckResult(name, runId, number, attempt, conclusion,
                "https://github.com/acme/payments/actions/runs/" + runId + "/attempts/" + attempt,
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(number * 60 + attempt)), "octocat", HEAD_COMMIT_AT,
                List.of(new Release.Commit(SHA, "Pay with saved cards", HEAD_COMMIT_AT)));
    }

    Outcome record(String name, long number, int attempt, String conclusion) {
        return recordRelease.record(run(name, number, attempt, conclusion));
    }

    Release theRelease() {
        return stores.releases.newestFirst("payments").stream()
                .reduce((a, b) -> { throw new AssertionError("more than one release"); }).orElseThrow();
    }

    Release.@Nullable Hold hold() {
        return theRelease().awaiting();
    }

    List<DeploymentPlanned> planned() {
        return stores.published(DeploymentPlanned.class);
    }

    @Test
    void a_matrix_of_three_workflows_makes_one_release_planned_once_when_the_last_is_green() {
        assertThat(record("build", 7, 1, "success")).isEqualTo(Outcome.HELD);
        assertThat(hold()).satisfies(h -> {
            assertThat(h.environment()).isEqualTo("staging");
            assertThat(h.state()).isEqualTo(Release.Hold.State.WAITING);
            assertThat(h.reason()).contains("'test'", "'e2e'").doesNotContain("'build'");
        });
        assertThat(record("test", 3, 1, "success")).isEqualTo(Outcome.HELD);
        assertThat(hold().reason()).contains("'e2e'").doesNotContain("'test'");
        assertThat(planned()).isEmpty();

        assertThat(record("e2e", 5, 1, "success")).isEqualTo(Outcome.PLANNED);

        assertThat(hold()).isNull();
        assertThat(stores.published(ReleaseRecorded.class)).hasSize(1);
        assertThat(planned()).singleElement().satisfies(p -> assertThat(p.environment()).isEqualTo("staging"));
        // a late sibling or a re-run of a green one makes neither another release nor another deployment
        assertThat(record("lint", 2, 1, "success")).isEqualTo(Outcome.KEPT);
        assertThat(record("build", 7, 2, "success")).isEqualTo(Outcome.KEPT);
        assertThat(stores.published(ReleaseRecorded.class)).hasSize(1);
        assertThat(planned()).hasSize(1);
    }

    @Test
    void a_required_check_that_fails_after_another_passed_stops_the_release_naming_it_and_its_run() {
        record("build", 7, 1, "success");
        assertThat(record("test", 3, 1, "failure")).isEqualTo(Outcome.HELD);
        assertThat(record("e2e", 5, 1, "success")).isEqualTo(Outcome.HELD);

        assertThat(hold()).satisfies(h -> {
            assertThat(h.state()).isEqualTo(Release.Hold.State.STOPPED);
            assertThat(h.environment()).isEqualTo("staging");
            assertThat(h.reason()).contains("'test' is failure",
                    "https://github.com/acme/payments/actions/runs/test-3/attempts/1");
        });
        assertThat(planned()).isEmpty();
    }

    @Test
    void a_re_run_that_turns_the_failed_check_green_releases_it() {
        record("build", 7, 1, "success");
        record("test", 3, 1, "failure");
        record("e2e", 5, 1, "success");

        assertThat(record("test", 3, 2, "success")).isEqualTo(Outcome.PLANNED);

        assertThat(hold()).isNull();
        assertThat(planned()).singleElement().satisfies(p -> assertThat(p.environment()).isEqualTo("staging"));
    }

    @Test
    void an_older_attempt_arriving_late_changes_nothing() {
        record("build", 7, 1, "success");
        record("e2e", 5, 1, "success");
        record("test", 3, 2, "success");
        assertThat(planned()).hasSize(1);

        assertThat(record("test", 3, 1, "failure")).isEqualTo(Outcome.STALE);
        assertThat(record("test", 3, 2, "success")).as("the same attempt again").isEqualTo(Outcome.STALE);

        assertThat(stores.checkResults.get("payments/" + SHA).get("test").runAttempt()).isEqualTo(2);
        assertThat(stores.checkResults.get("payments/" + SHA).get("test").green()).isTrue();
    }

    @Test
    void a_later_run_of_the_same_workflow_wins_and_an_earlier_one_arriving_late_does_not() {
        record("build", 7, 1, "success");
        record("e2e", 5, 1, "success");
        record("test", 3, 1, "failure");

        assertThat(record("test", 4, 1, "success")).as("a new run of test").isEqualTo(Outcome.PLANNED);
        assertThat(record("test", 3, 2, "failure")).as("a re-run of the older run, finishing later").isEqualTo(Outcome.STALE);
        assertThat(stores.checkResults.get("payments/" + SHA).get("test").runNumber()).isEqualTo(4);
    }

    @Test
    void a_failure_before_any_green_run_makes_no_release_but_stops_the_one_the_first_green_run_makes() {
        assertThat(record("test", 3, 1, "cancelled")).isEqualTo(Outcome.NOT_RELEASED);
        assertThat(stores.releases.newestFirst(null)).isEmpty();

        assertThat(record("build", 7, 1, "success")).isEqualTo(Outcome.HELD);
        assertThat(hold().state()).isEqualTo(Release.Hold.State.STOPPED);
        assertThat(hold().reason()).contains("'test' is cancelled");
    }

    @Test
    void the_release_carries_the_evidence_the_pipelines_gave() {
        record("test", 3, 1, "failure");
        record("build", 7, 1, "success");

        var release = theRelease();
        assertThat(release.headCommitAt()).isEqualTo(HEAD_COMMIT_AT);
        assertThat(release.runUrl()).isEqualTo("https://github.com/acme/payments/actions/runs/build-7/attempts/1");
        assertThat(release.commits()).containsExactly(new Release.Commit(SHA, "Pay with saved cards", HEAD_COMMIT_AT));
        assertThat(stores.published(ReleaseRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.headCommitAt()).isEqualTo(HEAD_COMMIT_AT);
            assertThat(e.commits()).hasSize(1);
            assertThat(e.checks()).extracting(CheckResult::name, CheckResult::conclusion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("build", "success"),
                            org.assertj.core.groups.Tuple.tuple("test", "failure"));
        });
    }

    @Test
    void promotion_waits_for_the_checks_the_next_environment_requires_and_goes_on_when_they_are_green() {
        record("build", 7, 1, "success");
        record("test", 3, 1, "success");
        record("e2e", 5, 1, "success");
        var staging = stores.deploymentsById.values().iterator().next();
        decisions.authorized(staging.id(), UUID.randomUUID());

        outcomes.apply(staging.id(), Reported.SUCCEEDED, null, stores.clock.instant());

        assertThat(planned()).hasSize(1);
        assertThat(hold()).satisfies(h -> {
            assertThat(h.environment()).isEqualTo("production");
            assertThat(h.state()).isEqualTo(Release.Hold.State.WAITING);
            assertThat(h.reason()).contains("'perf'");
        });

        assertThat(record("perf", 1, 1, "failure")).isEqualTo(Outcome.HELD);
        assertThat(hold().state()).isEqualTo(Release.Hold.State.STOPPED);
        assertThat(record("perf", 1, 2, "success")).isEqualTo(Outcome.PLANNED);

        assertThat(hold()).isNull();
        assertThat(planned()).extracting(DeploymentPlanned::environment).containsExactly("staging", "production");
    }

    @Test
    void promotion_is_planned_at_once_when_the_next_environment_s_checks_are_green_already() {
        for (var check : List.of("build", "test", "e2e", "perf")) {
            record(check, 1, 1, "success");
        }
        var staging = stores.deploymentsById.values().iterator().next();
        decisions.authorized(staging.id(), UUID.randomUUID());

        outcomes.apply(staging.id(), Reported.SUCCEEDED, null, stores.clock.instant());

        assertThat(hold()).isNull();
        assertThat(planned()).extracting(DeploymentPlanned::environment).containsExactly("staging", "production");
    }
}
