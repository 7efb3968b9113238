package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.IncidentRollbackPolicy;
import io.passerelle.releaseservice.catalog.Promotion;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import io.passerelle.releaseservice.deployment.ProposeRollback.ConfirmedCause;
import io.passerelle.releaseservice.deployment.ProposeRollback.NewIncident;
import io.passerelle.releaseservice.deployment.ProposeRollback.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The rollbacks incidents ask for (ADR 0020): of the live deployment only, an emergency naming the incident,
 * automatic when the environment says so, asked by a confirmed cause or by a P1 within the environment's window, once
 * per incident and deployment; and when none is possible, the reason in words.
 */
class ProposeRollbackTest {

    static final UUID INCIDENT = UUID.fromString("b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");

    InMemoryStores stores = new InMemoryStores();
    ProposeRollback propose = stores.proposeRollback;

    void catalog(IncidentRollbackPolicy staging) {
        stores.services.save(Service.register("payments", "acme/payments", "main", "sealed", List.of(
                new Environment("staging", 10, false, DeployTarget.webhook("https://deploy.example/staging"),
                        List.of(), Promotion.AUTOMATIC, Environment.DEFAULT_TIMEOUT, staging),
                new Environment("production", 20, true, DeployTarget.webhook("https://deploy.example/production"),
                        Promotion.manual())), Instant.EPOCH));
    }

    /** A release of {@code sha} recorded, authorized and finished in staging with {@code outcome}. */
    Deployment inStaging(String sha, Reported outcome) {
        stores.clock.advance(Duration.ofMinutes(5));
        stores.recordRelease.record(InMemoryStores.green("payments", sha, "octocat"));
        var deployment = stores.deploymentsById.values().stream()
                .filter(d -> d.commitSha().equals(sha) && d.environment().equals("staging")).findFirst().orElseThrow();
        stores.decisions.authorized(deployment.id(), UUID.randomUUID());
        stores.clock.advance(Duration.ofMinutes(1));
        stores.outcomes.apply(deployment.id(), outcome, null, stores.clock.instant());
        return stores.deploymentsById.get(deployment.id());
    }

    ConfirmedCause confirmed(Deployment cause) {
        return new ConfirmedCause(INCIDENT, cause.id(), "payments", "staging", "otto", "errors since the new card form");
    }

    NewIncident opened(String priority, Duration afterTheLastDeployment) {
        return new NewIncident(INCIDENT, "payments", "staging", priority,
                stores.clock.instant().plus(afterTheLastDeployment));
    }

    Deployment theRollback() {
        return stores.deploymentsById.values().stream().filter(d -> d.kind() == Deployment.Kind.ROLLBACK)
                .reduce((a, b) -> { throw new AssertionError("more than one rollback"); }).orElseThrow();
    }

    @Test
    void a_confirmed_cause_that_is_live_is_rolled_back_as_an_emergency_naming_the_incident_and_waits_for_approvers() {
        catalog(IncidentRollbackPolicy.NONE);
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);
        stores.published.clear();

        assertThat(propose.causeConfirmed(confirmed(v2))).isEqualTo(Outcome.PLANNED);

        var rollback = theRollback();
        assertThat(rollback.commitSha()).isEqualTo("1111111aaaa");
        assertThat(rollback.requestedBy()).isEqualTo("incident " + INCIDENT + " (confirmed by otto)");
        assertThat(rollback.rollback()).isEqualTo(new Rollback(v2.id(), "incident " + INCIDENT + " confirmed deployment "
                + v2.id() + " (2222222bbbb) as its cause: errors since the new card form", true, INCIDENT, false));
        assertThat(stores.published(DeploymentPlanned.class)).singleElement()
                .satisfies(e -> assertThat(e.rollback().incidentId()).isEqualTo(INCIDENT));
        assertThat(stores.incidentRollbacks.values()).singleElement().satisfies(d -> {
            assertThat(d.rollbackId()).isEqualTo(rollback.id());
            assertThat(d.askedBy()).isEqualTo(IncidentRollback.AskedBy.CAUSE_CONFIRMED);
        });

        assertThat(propose.causeConfirmed(confirmed(v2))).as("asked once").isEqualTo(Outcome.IGNORED);
        assertThat(stores.deploymentsById.values()).filteredOn(d -> d.kind() == Deployment.Kind.ROLLBACK).hasSize(1);
    }

    @Test
    void an_automatic_policy_marks_the_rollback_for_its_change_to_be_authorized_at_once() {
        catalog(new IncidentRollbackPolicy(null, true));
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.FAILED);

        assertThat(propose.causeConfirmed(confirmed(v2))).isEqualTo(Outcome.PLANNED);

        assertThat(theRollback().rollback().automatic()).isTrue();
        assertThat(theRollback().rollback().emergency()).isTrue();
    }

    @Test
    void a_deployment_that_is_no_longer_live_is_not_rolled_back_over_the_later_ones() {
        catalog(IncidentRollbackPolicy.NONE);
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);
        var v3 = inStaging("3333333cccc", Reported.SUCCEEDED);
        stores.published.clear();

        assertThat(propose.causeConfirmed(confirmed(v2))).isEqualTo(Outcome.DECLINED);

        assertThat(stores.deploymentsById.values()).noneMatch(d -> d.kind() == Deployment.Kind.ROLLBACK);
        assertThat(stores.published(RollbackDeclined.class)).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(INCIDENT);
            assertThat(e.deploymentId()).isEqualTo(v2.id());
            assertThat(e.reason()).contains("no longer the live one in staging", v3.id().toString(), "3333333cccc");
        });
        assertThat(stores.incidentRollbacks.values()).singleElement()
                .satisfies(d -> assertThat(d.declinedReason()).contains("no longer the live one"));
    }

    @Test
    void a_later_deployment_whose_change_was_rejected_leaves_the_cause_live() {
        catalog(IncidentRollbackPolicy.NONE);
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);
        stores.recordRelease.record(InMemoryStores.green("payments", "3333333cccc", "octocat"));
        var v3 = stores.deploymentsById.values().stream().filter(d -> d.commitSha().equals("3333333cccc"))
                .findFirst().orElseThrow();
        stores.decisions.rejected(v3.id(), UUID.randomUUID(), "not now");

        assertThat(propose.causeConfirmed(confirmed(v2))).isEqualTo(Outcome.PLANNED);
    }

    @Test
    void with_no_release_before_it_the_incident_is_told_there_is_nothing_to_roll_back_to() {
        catalog(IncidentRollbackPolicy.NONE);
        var v1 = inStaging("1111111aaaa", Reported.SUCCEEDED);
        var count = stores.deploymentsById.size();
        stores.published.clear();

        assertThat(propose.causeConfirmed(confirmed(v1))).isEqualTo(Outcome.DECLINED);

        assertThat(stores.deploymentsById).hasSize(count);
        assertThat(stores.published).singleElement().isInstanceOfSatisfying(RollbackDeclined.class,
                e -> assertThat(e.reason()).contains("nothing to roll back to"));
        assertThat(propose.causeConfirmed(confirmed(v1))).as("told once").isEqualTo(Outcome.IGNORED);
    }

    @Test
    void an_unknown_deployment_is_declined_in_words() {
        catalog(IncidentRollbackPolicy.NONE);
        var unknown = UUID.randomUUID();

        assertThat(propose.causeConfirmed(new ConfirmedCause(INCIDENT, unknown, "payments", "staging", "otto", null)))
                .isEqualTo(Outcome.DECLINED);

        assertThat(stores.published(RollbackDeclined.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains(unknown.toString(), "unknown"));
    }

    @Test
    void a_p1_within_the_window_of_the_last_deployment_asks_for_its_rollback_under_the_policy() {
        catalog(new IncidentRollbackPolicy(Duration.ofMinutes(30), false));
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);

        assertThat(propose.incidentOpened(opened("P1", Duration.ofMinutes(12)))).isEqualTo(Outcome.PLANNED);

        var rollback = theRollback();
        assertThat(rollback.rollback().of()).isEqualTo(v2.id());
        assertThat(rollback.rollback().automatic()).isFalse();
        assertThat(rollback.requestedBy()).isEqualTo("incident " + INCIDENT + " (P1 policy of staging)");
        assertThat(rollback.rollback().reason()).isEqualTo("P1 incident " + INCIDENT + " started 12m after deployment "
                + v2.id() + " (2222222bbbb) finished in staging, within the 30m of its incident rollback policy");
        assertThat(stores.incidentRollbacks.values()).singleElement()
                .satisfies(d -> assertThat(d.askedBy()).isEqualTo(IncidentRollback.AskedBy.P1_POLICY));
        assertThat(propose.causeConfirmed(confirmed(v2))).as("the same incident asked already").isEqualTo(Outcome.IGNORED);
    }

    @Test
    void the_window_is_inclusive_and_a_p1_outside_it_a_lower_priority_or_no_p1_rule_asks_nothing() {
        catalog(new IncidentRollbackPolicy(Duration.ofMinutes(30), true));
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        inStaging("2222222bbbb", Reported.SUCCEEDED);

        assertThat(propose.incidentOpened(opened("P1", Duration.ofMinutes(30).plusSeconds(1)))).isEqualTo(Outcome.IGNORED);
        assertThat(propose.incidentOpened(opened("P2", Duration.ofMinutes(1)))).isEqualTo(Outcome.IGNORED);
        assertThat(stores.incidentRollbacks).isEmpty();
        assertThat(propose.incidentOpened(opened("P1", Duration.ofMinutes(30)))).isEqualTo(Outcome.PLANNED);
        assertThat(theRollback().rollback().automatic()).isTrue();

        var withoutRule = new InMemoryStores();
        withoutRule.services.save(Service.register("payments", "acme/payments", "main", "sealed", List.of(
                new Environment("staging", 10, false, DeployTarget.webhook("https://deploy.example/staging"),
                        List.of(), Promotion.AUTOMATIC, Environment.DEFAULT_TIMEOUT,
                        new IncidentRollbackPolicy(null, true))), Instant.EPOCH));
        assertThat(withoutRule.proposeRollback.incidentOpened(new NewIncident(INCIDENT, "payments", "staging", "P1",
                withoutRule.clock.instant()))).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void a_deployment_that_finished_after_the_incident_started_is_not_the_one_a_p1_asks_to_undo() {
        catalog(new IncidentRollbackPolicy(Duration.ofMinutes(30), false));
        inStaging("1111111aaaa", Reported.SUCCEEDED);
        var v2 = inStaging("2222222bbbb", Reported.SUCCEEDED);
        var startedBeforeV3 = stores.clock.instant().plusSeconds(60);
        var v3 = inStaging("3333333cccc", Reported.SUCCEEDED);

        assertThat(propose.incidentOpened(new NewIncident(INCIDENT, "payments", "staging", "P1", startedBeforeV3)))
                .isEqualTo(Outcome.DECLINED);

        assertThat(stores.published(RollbackDeclined.class)).singleElement().satisfies(e -> {
            assertThat(e.deploymentId()).isEqualTo(v2.id());
            assertThat(e.reason()).contains("no longer the live one", v3.id().toString());
        });
    }

    @Test
    void a_p1_after_the_first_release_is_told_there_is_nothing_to_roll_back_to() {
        catalog(new IncidentRollbackPolicy(Duration.ofMinutes(30), true));
        var v1 = inStaging("1111111aaaa", Reported.SUCCEEDED);

        assertThat(propose.incidentOpened(opened("P1", Duration.ofMinutes(2)))).isEqualTo(Outcome.DECLINED);

        assertThat(stores.published(RollbackDeclined.class)).singleElement().satisfies(e -> {
            assertThat(e.deploymentId()).isEqualTo(v1.id());
            assertThat(e.reason()).contains("nothing to roll back to");
        });
    }
}
