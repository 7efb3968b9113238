package io.passerelle.changeservice.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import org.junit.jupiter.api.Test;

class UseCasesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryChanges changes = new InMemoryChanges();
    private final CatalogStub catalog = new CatalogStub();
    private final List<ChangeEvent> published = changes.published();
    private final RaiseChange raise = new RaiseChange(changes, catalog, clock);
    private final InMemoryApprovalPolicies policies = new InMemoryApprovalPolicies();
    private final ApproveChange approve = new ApproveChange(changes, policies, clock);
    private final RejectChange reject = new RejectChange(changes, policies, clock);
    private final RecordDeploymentOutcome outcomes = new RecordDeploymentOutcome(changes, clock);

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

    private static RaiseChange.PlannedDeployment planned(boolean requiresApproval) {
        return new RaiseChange.PlannedDeployment(UUID.randomUUID(), UUID.randomUUID(), "payments",
                requiresApproval ? "production" : "staging", "1.4.2", requiresApproval, "octocat");
    }

    private static void assertUnprocessable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
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
