package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import org.junit.jupiter.api.Test;

/** A rollback puts back the release that succeeded before, under its own change, and promotes nothing. */
class RollbackTest {

    InMemoryStores stores = new InMemoryStores();
    RecordRelease recordRelease = stores.recordRelease;
    ApplyChangeDecision decisions = stores.decisions;
    PromoteRelease promotion = stores.promotion;
    ApplyReportedOutcome outcomes = stores.outcomes;
    RollBackDeployment rollBack = new RollBackDeployment(stores.services, stores.releases, stores.deployments,
            stores.clock);

    RollbackTest() {
        stores.services.save(Service.register("payments", "acme/payments", "main", "sealed", List.of(
                new Environment("staging", 10, false, DeployTarget.webhook("https://deploy.example/staging")),
                new Environment("production", 20, true, DeployTarget.webhook("https://deploy.example/production"))),
                Instant.EPOCH));
    }

    /** A release of {@code sha} recorded, authorized and finished in staging with {@code outcome}. */
    Deployment inStaging(String sha, Reported outcome) {
        stores.clock.advance(Duration.ofMinutes(5));
        recordRelease.record(InMemoryStores.green("payments", sha, "octocat"));
        var deployment = stores.deploymentsById.values().stream()
                .filter(d -> d.commitSha().equals(sha) && d.environment().equals("staging")).findFirst().orElseThrow();
        finish(deployment, outcome);
        return stores.deploymentsById.get(deployment.id());
    }

    void finish(Deployment deployment, Reported outcome) {
        decisions.authorized(deployment.id(), UUID.randomUUID());
        stores.clock.advance(Duration.ofMinutes(1));
        outcomes.apply(deployment.id(), outcome, null, stores.clock.instant());
    }

    @Test
    void a_rollback_puts_back_the_release_that_succeeded_before_and_tells_the_others_when_it_succeeds() {
        var v1 = inStaging("1111111aaaa", Reported.SUCCEEDED);
        inStaging("2222222bbbb", Reported.SUCCEEDED);
        var v3 = inStaging("3333333cccc", Reported.FAILED);
        stores.published.clear();

        var rollback = rollBack.rollBack(v3.id(), "v3 fails health checks", true, "alice");

        assertThat(rollback.kind()).isEqualTo(Deployment.Kind.ROLLBACK);
        assertThat(rollback.commitSha()).as("the newest release that succeeded there before v3").isEqualTo("2222222bbbb");
        assertThat(rollback.environment()).isEqualTo("staging");
        assertThat(rollback.target()).isEqualTo(v3.target());
        assertThat(rollback.requestedBy()).isEqualTo("alice");
        assertThat(stores.published(DeploymentPlanned.class)).singleElement().satisfies(e -> {
            assertThat(e.rollback()).isEqualTo(new Rollback(v3.id(), "v3 fails health checks", true));
            assertThat(e.version()).isEqualTo("2222222bbbb");
        });

        stores.published.clear();
        finish(rollback, Reported.SUCCEEDED);

        assertThat(stores.published(DeploymentRolledBack.class)).singleElement().satisfies(e -> {
            assertThat(e.deploymentId()).isEqualTo(rollback.id());
            assertThat(e.rolledBackDeploymentId()).isEqualTo(v3.id());
            assertThat(e.restoredVersion()).isEqualTo("2222222bbbb");
            assertThat(e.emergency()).isTrue();
        });
        assertThat(stores.published(DeploymentPlanned.class)).as("a rollback promotes nothing").isEmpty();
        assertThat(v1.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void a_successful_deployment_is_rolled_back_too_and_only_once_at_a_time() {
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);

        var first = rollBack.rollBack(v2.id(), "bad", false, "alice");

        assertThat(first.commitSha()).isEqualTo("1111111aaaa");
        assertThatThrownBy(() -> rollBack.rollBack(v2.id(), "again", false, "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("being rolled back already");
        assertThatThrownBy(() -> rollBack.rollBack(first.id(), "undo the undo", false, "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("itself a rollback");

        decisions.rejected(first.id(), UUID.randomUUID(), "not now");
        assertThat(rollBack.rollBack(v2.id(), "now", false, "alice").commitSha())
                .as("once the first was cancelled, another may be asked for").isEqualTo("1111111aaaa");
    }

    @Test
    void nothing_to_roll_back_to_unfinished_or_unknown_is_refused_and_writes_nothing() {
        var v1 = inStaging("1111111aaaa", Reported.SUCCEEDED);
        recordRelease.record(InMemoryStores.green("payments", "2222222bbbb", "octocat"));
        var planned = stores.deploymentsById.values().stream().filter(d -> d.state() == DeploymentState.PLANNED)
                .findFirst().orElseThrow();
        var count = stores.deploymentsById.size();

        assertThatThrownBy(() -> rollBack.rollBack(v1.id(), "why", false, "alice"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("nothing to roll back to"));
        assertThatThrownBy(() -> rollBack.rollBack(planned.id(), "why", false, "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("PLANNED");
        assertThatThrownBy(() -> rollBack.rollBack(UUID.randomUUID(), "why", false, "alice"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollBack.rollBack(v1.id(), " ", false, "alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.deploymentsById).hasSize(count);
    }

    @Test
    void a_pipeline_s_deployment_is_not_rolled_back_by_passerelle() {
        var release = Release.fromPipeline("payments", "4444444dddd", null, null, "hubot", Instant.EPOCH);
        stores.releases.save(release);
        var deployment = Deployment.planForPipeline(release, stores.services.byName("payments").orElseThrow()
                .firstEnvironment(), "pipeline:hubot", "https://ci.example/runs/1", Instant.EPOCH);
        stores.deployments.save(deployment);

        assertThatThrownBy(() -> rollBack.rollBack(deployment.id(), "why", false, "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("pipeline");
    }
}
