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
import io.passerelle.releaseservice.catalog.Promotion;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import org.junit.jupiter.api.Test;

/** staging (automatic) → canary (soak 1h) → production (manual): how a release moves on, or is stopped. */
class PromotionModesTest {

    static final String SHA = "0123456789abcdef0123";

    InMemoryStores stores = new InMemoryStores();
    RecordRelease recordRelease = stores.recordRelease;
    ApplyChangeDecision decisions = stores.decisions;
    PromoteRelease promotion = stores.promotion;
    ApplyReportedOutcome outcomes = stores.outcomes;

    PromotionModesTest() {
        stores.services.save(Service.register("payments", "acme/payments", "main", "sealed", List.of(
                env("staging", 10, Promotion.AUTOMATIC),
                env("canary", 20, Promotion.soak(Duration.ofHours(1))),
                env("production", 30, Promotion.manual())), Instant.EPOCH));
    }

    static Environment env(String name, int order, Promotion promotion) {
        return new Environment(name, order, false, DeployTarget.webhook("https://deploy.example/" + name), promotion);
    }

    /** Records the release and takes it through staging; returns its id. */
    UUID releasedToStaging() {
        recordRelease.record(InMemoryStores.green("payments", SHA, "octocat"));
        var staging = planned("staging");
        succeed(staging);
        return staging.releaseId();
    }

    Deployment planned(String environment) {
        return stores.deploymentsById.values().stream()
                .filter(d -> d.state() == DeploymentState.PLANNED && d.environment().equals(environment))
                .reduce((a, b) -> { throw new AssertionError("two planned in " + environment); })
                .orElseThrow(() -> new AssertionError("nothing planned in " + environment));
    }

    List<Deployment> in(String environment) {
        return stores.deploymentsById.values().stream().filter(d -> d.environment().equals(environment)).toList();
    }

    void succeed(Deployment deployment) {
        decisions.authorized(deployment.id(), UUID.randomUUID());
        outcomes.apply(deployment.id(), Reported.SUCCEEDED, null, stores.clock.instant());
    }

    @Test
    void soak_is_the_destination_s_rule_a_release_reaching_canary_waits_there_before_production() {
        // canary soaks (the release must run 1h in staging first); production is manual
        var release = releasedToStaging();

        assertThat(in("canary")).as("canary's promotion is soak: nothing planned yet").isEmpty();
        assertThat(stores.waiting).containsKey(InMemoryStores.key(release, "canary"));

        stores.clock.advance(Duration.ofHours(1));
        promotion.soaked();
        assertThat(in("canary")).hasSize(1);
        assertThat(stores.decided.get(InMemoryStores.key(release, "canary"))).startsWith("DONE by passerelle");
    }

    @Test
    void an_incident_on_the_environment_it_soaks_in_stops_the_promotion_with_its_reason() {
        var release = releasedToStaging();
        stores.clock.advance(Duration.ofMinutes(10));
        var incident = new OpenedIncident(UUID.randomUUID(), "payments", "staging", "Error rate > 5%",
                stores.clock.instant());

        assertThat(promotion.incidentOpened(incident)).isOne();
        assertThat(promotion.incidentOpened(incident)).as("the same incident twice stops nothing more").isZero();

        stores.clock.advance(Duration.ofHours(1));
        assertThat(promotion.soaked()).isZero();
        assertThat(in("canary")).isEmpty();
        assertThat(stores.decided.get(InMemoryStores.key(release, "canary")))
                .contains("STOPPED", incident.incidentId().toString(), "Error rate > 5%", "staging");
    }

    @Test
    void an_incident_that_arrived_late_still_stops_the_soak_when_it_is_due() {
        var release = releasedToStaging();
        stores.clock.advance(Duration.ofMinutes(30));
        // recorded for another environment's promotion (none waits in production): nothing to stop now
        stores.openedIncidents.record(new OpenedIncident(UUID.randomUUID(), "payments", "staging", "Latency",
                stores.clock.instant()));

        stores.clock.advance(Duration.ofMinutes(30));
        promotion.soaked();

        assertThat(in("canary")).isEmpty();
        assertThat(stores.decided.get(InMemoryStores.key(release, "canary"))).contains("STOPPED", "Latency");
    }

    @Test
    void incidents_elsewhere_or_before_the_release_succeeded_do_not_stop_it() {
        stores.openedIncidents.record(new OpenedIncident(UUID.randomUUID(), "payments", "staging", "Old",
                stores.clock.instant().minusSeconds(1)));
        var release = releasedToStaging();
        promotion.incidentOpened(new OpenedIncident(UUID.randomUUID(), "payments", "production", "Other env",
                stores.clock.instant()));
        promotion.incidentOpened(new OpenedIncident(UUID.randomUUID(), "billing", "staging", "Other service",
                stores.clock.instant()));

        stores.clock.advance(Duration.ofHours(1));
        promotion.soaked();

        assertThat(in("canary")).hasSize(1);
        assertThat(stores.decided.get(InMemoryStores.key(release, "canary"))).startsWith("DONE");
    }

    @Test
    void a_release_manager_promotes_into_a_manual_environment_once_the_one_before_succeeded() {
        var release = releasedToStaging();
        stores.clock.advance(Duration.ofHours(1));
        promotion.soaked();
        succeed(planned("canary"));
        assertThat(stores.waiting).containsKey(InMemoryStores.key(release, "production"));

        var deployment = promotion.promote(release, "production", "alice");

        assertThat(deployment.environment()).isEqualTo("production");
        assertThat(deployment.state()).isEqualTo(DeploymentState.PLANNED);
        assertThat(stores.decided.get(InMemoryStores.key(release, "production"))).isEqualTo("DONE by alice");
        assertThatThrownBy(() -> promotion.promote(release, "production", "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already");
    }

    @Test
    void a_release_manager_may_promote_a_stopped_or_soaking_release() {
        var release = releasedToStaging();
        promotion.incidentOpened(new OpenedIncident(UUID.randomUUID(), "payments", "staging", "Flaky",
                stores.clock.instant()));

        promotion.promote(release, "canary", "alice");

        assertThat(in("canary")).hasSize(1);
        assertThat(stores.decided.get(InMemoryStores.key(release, "canary"))).isEqualTo("DONE by alice");
    }

    @Test
    void promotion_out_of_order_is_refused_and_writes_nothing() {
        var release = releasedToStaging();
        var before = stores.deploymentsById.size();

        assertThatThrownBy(() -> promotion.promote(release, "production", "alice"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("out of order", "canary"));
        assertThatThrownBy(() -> promotion.promote(release, "staging", "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("first environment");
        assertThatThrownBy(() -> promotion.promote(release, "qa", "alice"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("no environment 'qa'");
        assertThatThrownBy(() -> promotion.promote(UUID.randomUUID(), "canary", "alice"))
                .isInstanceOf(NotFoundException.class);
        assertThat(stores.deploymentsById).hasSize(before);
    }

    @Test
    void the_first_environment_cannot_wait_for_a_promotion() {
        assertThatThrownBy(() -> Service.register("billing", "acme/billing", "main", "sealed",
                List.of(env("staging", 10, Promotion.manual())), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes first");
        assertThatThrownBy(() -> new Promotion(Promotion.Mode.SOAK, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Promotion.soak(Duration.ofDays(15))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Promotion(Promotion.Mode.MANUAL, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
