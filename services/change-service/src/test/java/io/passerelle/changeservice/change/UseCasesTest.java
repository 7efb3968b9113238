package io.passerelle.changeservice.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.port.Freezes;
import io.passerelle.changeservice.risk.EnvironmentProfile;
import io.passerelle.changeservice.risk.Incident;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.changeservice.risk.port.Incidents;
import io.passerelle.changeservice.standardchange.Conditions;
import io.passerelle.changeservice.standardchange.Definition;
import io.passerelle.changeservice.standardchange.StandardChangeTemplate;
import io.passerelle.changeservice.standardchange.StandardChanges;
import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import org.junit.jupiter.api.Test;

class UseCasesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryChanges changes = new InMemoryChanges();
    private final CatalogStub catalog = new CatalogStub();
    private final List<ChangeEvent> published = changes.published();
    private final List<StandardChangeTemplate> templates = new ArrayList<>();
    private final List<ChangeHistory.Tally> history = new ArrayList<>(List.of(new ChangeHistory.Tally(0, 0)));
    /** What the freeze windows hold now: nothing unless a test says so. */
    private Optional<Hold> frozen = Optional.empty();
    private final Freezes freezes = (service, environment, at) -> frozen;
    private final RiskAssessor risk = new RiskAssessor(new HistoryStub(), new NoIncidents(), new NoProfiles(), clock);
    private final RaiseChange raise = new RaiseChange(changes, catalog, risk,
            new StandardChanges(new TemplatesStub()), freezes, clock);
    private final InMemoryApprovalPolicies policies = new InMemoryApprovalPolicies();
    private final ApproveChange approve = new ApproveChange(changes, policies, freezes, clock);
    private final RejectChange reject = new RejectChange(changes, policies, clock);
    private final RecordDeploymentOutcome outcomes = new RecordDeploymentOutcome(changes,
            new ReassessRisk(changes, risk, clock), clock);
    private final ResumeHeldChanges resume = new ResumeHeldChanges(changes, freezes, clock);

    UseCasesTest() {
        catalog.replace("payments", List.of(new Environment("payments", "staging", false),
                new Environment("payments", "production", true)));
    }

    @Test
    void a_change_raised_by_hand_needs_an_environment_the_catalog_knows() {
        assertUnprocessable(() -> raise.byHand(ChangeType.NORMAL, "payments", "moon", "t", null, "alice"));
        assertUnprocessable(() -> raise.byHand(ChangeType.NORMAL, "unknown", "staging", "t", null, "alice"));

        assertThat(changes.all()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void a_standard_change_by_hand_is_refused_where_the_catalog_requires_approval_and_writes_nothing() {
        assertUnprocessable(() -> raise.byHand(ChangeType.STANDARD, "payments", "production", "t", null, "alice"));

        assertThat(changes.all()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void a_standard_change_by_hand_is_authorized_where_no_approval_is_required() {
        var change = raise.byHand(ChangeType.STANDARD, "payments", "staging", "Rotate keys", "monthly", "alice");

        assertThat(changes.find(change.id())).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(ChangeState.SCHEDULED);
            assertThat(c.requestedBy()).isEqualTo("alice");
            assertThat(c.proposal().description()).isEqualTo("monthly");
        });
        assertThat(published).hasExactlyElementsOfTypes(ChangeRaised.class, ChangeAuthorized.class);
    }

    @Test
    void a_planned_deployment_without_approval_raises_an_authorized_standard_change() {
        var deployment = planned(false);

        var change = raise.forDeployment(deployment).orElseThrow();

        assertThat(change.type()).isEqualTo(ChangeType.STANDARD);
        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.proposal().title()).isEqualTo("Deploy payments 1.4.2 to staging");
        assertThat(change.requestedBy()).isEqualTo("octocat");
        assertThat(change.deploymentId()).isEqualTo(deployment.deploymentId());
        assertThat(change.proposal().releaseId()).isEqualTo(deployment.releaseId());
        assertThat(published).hasExactlyElementsOfTypes(ChangeRaised.class, ChangeAuthorized.class);
    }

    @Test
    void a_planned_deployment_that_requires_approval_raises_a_pending_normal_change() {
        var change = raise.forDeployment(planned(true)).orElseThrow();

        assertThat(change.type()).isEqualTo(ChangeType.NORMAL);
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(published).hasExactlyElementsOfTypes(ChangeRaised.class);
    }

    @Test
    void a_deployment_has_one_change_however_often_it_is_planned() {
        var deployment = planned(false);

        raise.forDeployment(deployment);
        var again = raise.forDeployment(deployment);

        assertThat(again).isEmpty();
        assertThat(changes.all()).hasSize(1);
        assertThat(published).hasSize(2);
    }

    @Test
    void approval_is_saved_and_published_and_segregation_of_duties_writes_nothing() {
        var change = raise.byHand(ChangeType.NORMAL, "payments", "production", "Migrate", null, "alice");
        published.clear();

        assertThatThrownBy(() -> approve.approve(change.id(), Approver.user("ALICE"), null))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThat(changes.find(change.id()).orElseThrow().state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(published).isEmpty();

        approve.approve(change.id(), Approver.user("bob"), "ok");

        assertThat(changes.find(change.id()).orElseThrow().authorizedBy()).isEqualTo("bob");
        assertThat(published).hasExactlyElementsOfTypes(ChangeAuthorized.class);
    }

    @Test
    void rejection_is_saved_and_published() {
        var change = raise.byHand(ChangeType.EMERGENCY, "payments", "production", "Hotfix", null, "alice");
        published.clear();

        reject.reject(change.id(), Approver.user("bob"), "no rollback plan");

        assertThat(changes.find(change.id()).orElseThrow().state()).isEqualTo(ChangeState.REJECTED);
        assertThat(published).hasExactlyElementsOfTypes(ChangeRejected.class);
    }

    @Test
    void deciding_on_an_unknown_change_is_not_found() {
        assertThatThrownBy(() -> approve.approve(UUID.randomUUID(), Approver.user("bob"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reject.reject(UUID.randomUUID(), Approver.user("bob"), "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deployment_news_moves_the_change_of_that_deployment_through_its_implementation() {
        var succeeded = planned(false);
        var failed = planned(false);
        raise.forDeployment(succeeded);
        raise.forDeployment(failed);
        published.clear();

        assertThat(outcomes.requested(succeeded.deploymentId())).isEqualTo(RecordDeploymentOutcome.Outcome.RECORDED);
        assertThat(changes.findByDeployment(succeeded.deploymentId()).orElseThrow().state())
                .isEqualTo(ChangeState.IMPLEMENTING);
        assertThat(outcomes.succeeded(succeeded.deploymentId())).isEqualTo(RecordDeploymentOutcome.Outcome.RECORDED);
        assertThat(outcomes.failed(failed.deploymentId(), "timeout")).isEqualTo(RecordDeploymentOutcome.Outcome.RECORDED);

        assertThat(changes.findByDeployment(succeeded.deploymentId()).orElseThrow().state())
                .isEqualTo(ChangeState.CLOSED);
        assertThat(changes.findByDeployment(failed.deploymentId()).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(ChangeState.REVIEW);
            assertThat(c.failureReason()).isEqualTo("timeout");
        });
        assertThat(outcomes.requested(succeeded.deploymentId())).as("a late request changes nothing")
                .isEqualTo(RecordDeploymentOutcome.Outcome.OUT_OF_STATE);
        assertThat(published).hasExactlyElementsOfTypes(ChangeClosed.class, ChangeFailed.class);
    }

    @Test
    void outcomes_of_unknown_deployments_or_of_changes_not_authorized_change_nothing() {
        var pending = planned(true);
        raise.forDeployment(pending);
        published.clear();

        assertThat(outcomes.succeeded(UUID.randomUUID())).isEqualTo(RecordDeploymentOutcome.Outcome.NO_CHANGE);
        assertThat(outcomes.failed(pending.deploymentId(), "x"))
                .isEqualTo(RecordDeploymentOutcome.Outcome.OUT_OF_STATE);
        assertThat(outcomes.succeeded(pending.deploymentId()))
                .isEqualTo(RecordDeploymentOutcome.Outcome.OUT_OF_STATE);

        assertThat(changes.findByDeployment(pending.deploymentId()).orElseThrow().state())
                .isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(published).isEmpty();
    }

    @Test
    void a_pipeline_change_a_template_pre_approves_is_standard_and_records_the_template_even_where_approval_is_required() {
        var template = StandardChangeTemplate.define(UUID.randomUUID(), new Definition("Payments deploys", "small",
                new Conditions(Set.of("payments"), Set.of("production"), 40, null)), "alice", clock.instant());
        templates.add(template);

        var change = raise.forDeployment(planned(true)).orElseThrow();

        assertThat(change.type()).isEqualTo(ChangeType.STANDARD);
        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.standardTemplate()).isEqualTo(template.ref());
        assertThat(change.risk()).isNotNull();
        assertThat(change.authorizedBy()).isEqualTo(ChangeRequest.STANDARD_CHANGE_AUTHORIZER);
        assertThat(change.auditTrail()).extracting(AuditEntry::detail).contains(
                "risk 5 of 100; standard change under template 'Payments deploys' v1",
                "pre-approved by standard-change template 'Payments deploys' v1");
        assertThat(published).hasExactlyElementsOfTypes(ChangeRaised.class, ChangeAuthorized.class);
        assertThat(((ChangeRaised) published.getFirst()).standardTemplate()).isEqualTo(template.ref());
    }

    @Test
    void a_pipeline_change_no_template_pre_approves_is_normal_and_says_why() {
        templates.add(StandardChangeTemplate.define(UUID.randomUUID(), new Definition("Tiny deploys", "tiny",
                new Conditions(null, Set.of("production"), 3, null)), "alice", clock.instant()));

        var change = raise.forDeployment(planned(true)).orElseThrow();

        assertThat(change.type()).isEqualTo(ChangeType.NORMAL);
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(change.standardTemplate()).isNull();
        var raised = (ChangeRaised) published.getFirst();
        assertThat(raised.risk().score()).isEqualTo(5);
        assertThat(raised.assessment()).isEqualTo("risk 5 of 100; normal change: production of payments requires"
                + " approval; no standard-change template: risk 5 > 3 (template 'Tiny deploys' v1)");
    }

    @Test
    void a_standard_change_in_a_freeze_is_held_and_proceeds_on_its_own_when_the_freeze_is_over() {
        var window = UUID.randomUUID();
        var until = clock.instant().plus(Duration.ofHours(2));
        frozen = Optional.of(new Hold(List.of(window), List.of("Weekends"), until));

        var change = raise.forDeployment(planned(false)).orElseThrow();

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.hold()).isEqualTo(frozen.get());
        assertThat(published).hasExactlyElementsOfTypes(ChangeRaised.class, ChangeHeld.class);
        assertThat(((ChangeHeld) published.getLast()).heldUntil()).isEqualTo(until);
        assertThat(resume.due()).as("not over yet").isZero();
        assertThat(resume.nextDue()).contains(until);
        published.clear();

        var later = new ResumeHeldChanges(changes, (service, environment, at) -> Optional.empty(),
                Clock.fixed(until, ZoneOffset.UTC));
        assertThat(later.due()).isEqualTo(1);
        assertThat(later.due()).as("released once").isZero();

        var released = changes.find(change.id()).orElseThrow();
        assertThat(released.hold()).isNull();
        assertThat(published).singleElement().isInstanceOfSatisfying(ChangeAuthorized.class,
                e -> assertThat(e.changeId()).isEqualTo(change.id()));
        assertThat(released.auditTrail()).extracting(AuditEntry::action).endsWith(AuditEntry.Action.HELD,
                AuditEntry.Action.RELEASED);
        assertThat(resume.nextDue()).isEmpty();
    }

    @Test
    void a_held_change_still_covered_when_its_freeze_ends_is_held_anew_and_one_whose_window_ends_early_goes_at_once() {
        var weekends = UUID.randomUUID();
        frozen = Optional.of(new Hold(List.of(weekends), List.of("Weekends"), clock.instant().plusSeconds(60)));
        var change = raise.forDeployment(planned(false)).orElseThrow();
        var yearEnd = new Hold(List.of(UUID.randomUUID()), List.of("Year end"), clock.instant().plusSeconds(3600));
        published.clear();

        new ResumeHeldChanges(changes, (service, environment, at) -> Optional.of(yearEnd),
                Clock.fixed(clock.instant().plusSeconds(60), ZoneOffset.UTC)).due();

        assertThat(changes.find(change.id()).orElseThrow().hold()).isEqualTo(yearEnd);
        assertThat(published).singleElement().isInstanceOf(ChangeHeld.class);
        assertThat(resume.heldBy(weekends)).as("no longer held by that window").isZero();
        frozen = Optional.empty();
        assertThat(resume.heldBy(yearEnd.windowIds().getFirst())).isEqualTo(1);
        assertThat(changes.find(change.id()).orElseThrow().hold()).isNull();
        assertThat(published).last().isInstanceOf(ChangeAuthorized.class);
    }

    @Test
    void an_approved_normal_change_is_held_by_a_freeze_but_an_emergency_change_passes_it_and_the_audit_says_so() {
        frozen = Optional.of(new Hold(List.of(UUID.randomUUID()), List.of("Year end"),
                clock.instant().plus(Duration.ofDays(3))));
        var normal = raise.byHand(ChangeType.NORMAL, "payments", "production", "Resize", null, "alice");
        var emergency = raise.byHand(ChangeType.EMERGENCY, "payments", "production", "Roll back", null, "alice");
        published.clear();

        approve.approve(normal.id(), Approver.user("bob"), null);
        approve.approve(emergency.id(), Approver.user("bob"), "outage");

        assertThat(changes.find(normal.id()).orElseThrow().hold()).isNotNull();
        var passed = changes.find(emergency.id()).orElseThrow();
        assertThat(passed.hold()).isNull();
        assertThat(passed.auditTrail()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditEntry.Action.PASSED_FREEZE);
            assertThat(entry.detail()).startsWith("emergency change passes freeze window 'Year end'");
        });
        assertThat(published).hasExactlyElementsOfTypes(ChangeHeld.class, ChangeAuthorized.class);
        var implementation = new ProgressChange(changes, new ReassessRisk(changes, risk, clock), clock);
        assertThatThrownBy(() -> implementation.start(normal.id(), Approver.user("alice"), null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("held by freeze window 'Year end'");
    }

    @Test
    void a_failed_deployment_has_the_risk_of_the_services_waiting_changes_assessed_again() {
        var failing = planned(false);
        raise.forDeployment(failing);
        var waiting = raise.forDeployment(planned(true)).orElseThrow();
        assertThat(waiting.risk().score()).isEqualTo(5);

        history.add(new ChangeHistory.Tally(1, 1));
        outcomes.failed(failing.deploymentId(), "boom");

        assertThat(changes.find(waiting.id()).orElseThrow().risk().score())
                .as("5 + a 100 %% failure rate (20) + 1 recent failure (6.67), rounded").isEqualTo(32);
    }

    private static RaiseChange.PlannedDeployment planned(boolean requiresApproval) {
        return new RaiseChange.PlannedDeployment(UUID.randomUUID(), UUID.randomUUID(), "payments",
                requiresApproval ? "production" : "staging", "1.4.2", requiresApproval, "octocat");
    }

    private static void assertUnprocessable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
    }

    /** The service's history: the last tally given (no change ended, by default), never a success before. */
    private final class HistoryStub implements ChangeHistory {

        @Override
        public Tally endedBetween(String service, Instant from, Instant to) {
            return history.getLast();
        }

        @Override
        public Optional<Instant> lastSuccess(String service, String environment, Instant until) {
            return Optional.of(until.minus(Duration.ofDays(1)));
        }
    }

    private static final class NoIncidents implements Incidents {

        @Override
        public void opened(Incident incident) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resolved(UUID incidentId, String service, String environment, Instant resolvedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reopened(UUID incidentId, String service, String environment, Instant reopenedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Incident> openOn(String service, String environment) {
            return List.of();
        }
    }

    private static final class NoProfiles implements EnvironmentProfiles {

        @Override
        public Optional<EnvironmentProfile> find(String environment) {
            return Optional.empty();
        }

        @Override
        public List<EnvironmentProfile> all() {
            return List.of();
        }

        @Override
        public void save(EnvironmentProfile profile) {
            throw new UnsupportedOperationException();
        }
    }

    private final class TemplatesStub implements StandardChangeTemplates {

        @Override
        public Optional<StandardChangeTemplate> find(UUID id) {
            return templates.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public List<StandardChangeTemplate> all() {
            return templates;
        }

        @Override
        public List<StandardChangeTemplate> active() {
            return templates;
        }

        @Override
        public void save(StandardChangeTemplate template) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class CatalogStub implements Environments {

        private final Map<String, List<Environment>> services = new HashMap<>();

        @Override
        public Optional<Environment> find(String service, String name) {
            return services.getOrDefault(service, List.of()).stream().filter(e -> e.name().equals(name)).findFirst();
        }

        @Override
        public boolean known(String name) {
            return services.values().stream().flatMap(List::stream).anyMatch(e -> e.name().equals(name));
        }

        @Override
        public void replace(String service, List<Environment> environments) {
            services.put(service, List.copyOf(environments));
        }
    }
}
