package io.passerelle.changeservice.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import org.junit.jupiter.api.Test;

class ChangeRequestTest {

    /** The default policy: one approval by a change manager, any rejection rejects. */
    static final ApprovalPolicy ONE = ApprovalPolicy.defaultFor("production", ChangeType.NORMAL);
    static final Set<String> CM = Set.of(ApprovalPolicy.CHANGE_MANAGER);

    private static final Instant RAISED = Instant.parse("2026-11-27T10:00:00Z");
    static final RiskAssessment LOW_RISK = new RiskAssessment(12, List.of(), RAISED);
    static final Optional<Hold> NO_FREEZE = Optional.empty();
    private static final Instant LATER = RAISED.plusSeconds(60);

    @Test
    void standard_change_is_authorized_at_once_without_approvers() {
        var change = raise(ChangeType.STANDARD, false);

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.authorizedBy()).isEqualTo("passerelle:standard-change");
        assertThat(change.authorizedAt()).isEqualTo(RAISED);
        assertThat(change.decisions()).isEmpty();
        var events = change.pullEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ChangeRaised.class,
                e -> assertThat(e.state()).isEqualTo(ChangeRaised.State.AUTHORIZED));
        assertThat(events.get(1)).isInstanceOfSatisfying(ChangeAuthorized.class,
                e -> assertThat(e.authorizedBy()).isEqualTo("passerelle:standard-change"));
        assertThat(change.auditTrail()).extracting(AuditEntry::action, AuditEntry::by).containsExactly(
                tuple(AuditEntry.Action.RAISED, "alice"),
                tuple(AuditEntry.Action.ASSESSED, "passerelle:assessment"),
                tuple(AuditEntry.Action.AUTHORIZED, "passerelle:standard-change"));
        assertThat(change.auditTrail()).extracting(AuditEntry::state).containsExactly(ChangeState.NEW,
                ChangeState.ASSESSMENT, ChangeState.SCHEDULED);
    }

    @Test
    void standard_change_is_refused_where_the_environment_requires_approval() {
        assertThatThrownBy(() -> raise(ChangeType.STANDARD, true))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("raise a NORMAL change");
    }

    @Test
    void normal_and_emergency_changes_wait_for_approval_even_where_none_is_required() {
        for (var type : new ChangeType[] { ChangeType.NORMAL, ChangeType.EMERGENCY }) {
            for (var requiresApproval : new boolean[] { true, false }) {
                var change = raise(type, requiresApproval);
                assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
                assertThat(change.authorizedBy()).isNull();
                assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeRaised.class,
                        e -> assertThat(e.state()).isEqualTo(ChangeRaised.State.PENDING_APPROVAL));
                assertThat(change.auditTrail()).extracting(AuditEntry::action, AuditEntry::state).containsExactly(
                        tuple(AuditEntry.Action.RAISED, ChangeState.NEW),
                        tuple(AuditEntry.Action.ASSESSED, ChangeState.ASSESSMENT),
                        tuple(AuditEntry.Action.SUBMITTED, ChangeState.PENDING_APPROVAL));
            }
        }
    }

    @Test
    void one_approval_by_another_change_manager_authorizes() {
        var change = pending();

        change.approve(Approver.user("bob"), ONE, "looks good", NO_FREEZE, LATER);

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.authorizedBy()).isEqualTo("bob");
        assertThat(change.authorizedAt()).isEqualTo(LATER);
        assertThat(change.decisions()).containsExactly(new Decision("bob", Verdict.APPROVED, "looks good", LATER));
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeAuthorized.class,
                e -> assertThat(e.authorizedBy()).isEqualTo("bob"));
        assertThat(change.auditTrail()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AuditEntry.Action.APPROVED);
            assertThat(a.by()).isEqualTo("bob");
            assertThat(a.state()).isEqualTo(ChangeState.SCHEDULED);
        });
    }

    @Test
    void the_requester_can_never_approve_their_own_change_whatever_the_case_of_the_name() {
        for (var requester : new String[] { "alice", "Alice", "ALICE" }) {
            var change = pending();

            assertThatThrownBy(() -> change.approve(Approver.user(requester), ONE, null, NO_FREEZE, LATER))
                    .isInstanceOf(SegregationOfDutiesException.class);

            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.decisions()).isEmpty();
            assertThat(change.pullEvents()).isEmpty();
            assertThat(change.auditTrail()).hasSize(3);
        }
    }

    @Test
    void whoever_triggered_the_pipeline_cannot_approve_the_change_it_raised() {
        for (var approver : new String[] { "bob", "Bob" }) {
            var change = raise(ChangeType.NORMAL, true, "pipeline:bob");
            change.pullEvents();

            assertThatThrownBy(() -> change.approve(Approver.user(approver), ONE, null, NO_FREEZE, LATER))
                    .isInstanceOf(SegregationOfDutiesException.class)
                    .hasMessageContaining("through a pipeline");

            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.decisions()).isEmpty();
            assertThat(change.pullEvents()).isEmpty();
        }
        var change = raise(ChangeType.NORMAL, true, "pipeline:bob");
        change.approve(Approver.user("alice"), ONE, null, NO_FREEZE, LATER);
        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
    }

    /** The realm maps bob to his GitHub login: the change his push raised is his, whatever his realm name. */
    @Test
    void no_one_whose_toolchain_login_triggered_the_pipeline_can_approve_the_change_it_raised() {
        var change = raise(ChangeType.NORMAL, true, "pipeline:Codertocat");
        change.pullEvents();

        assertThatThrownBy(() -> change.approve(new Approver("bob", Set.of("codertocat"), CM), ONE, null, NO_FREEZE, LATER))
                .isInstanceOf(SegregationOfDutiesException.class)
                .hasMessageContaining("bob requested change")
                .hasMessageContaining("through a pipeline");
        assertThat(change.decisions()).isEmpty();

        change.approve(new Approver("alice", Set.of("alice-gh"), CM), ONE, null, NO_FREEZE, LATER);
        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
    }

    @Test
    void a_toolchain_login_never_stands_for_a_realm_user_who_raised_a_change_by_hand() {
        var change = raise(ChangeType.NORMAL, true, "alice");
        change.pullEvents();

        change.approve(new Approver("bob", Set.of("alice"), CM), ONE, null, NO_FREEZE, LATER);

        assertThat(change.state()).as("bob's GitHub login is alice, but the requester is the realm user alice")
                .isEqualTo(ChangeState.SCHEDULED);
    }

    @Test
    void a_two_approver_policy_authorizes_at_the_second_distinct_approval_and_records_its_version() {
        var policy = new ApprovalPolicy("production", "payments", ChangeType.NORMAL, 3, 2, Set.of("change-manager", "cab-member"), true,
                "alice", LATER);
        var change = pending();
        change.pullEvents();

        change.approve(Approver.user("bob"), policy, null, NO_FREEZE, LATER);
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(change.auditTrail()).last().satisfies(a -> assertThat(a.detail()).isEqualTo("1 of 2 approvals"));
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeDecisionRecorded.class, d -> {
            assertThat(d.decidedBy()).isEqualTo("bob");
            assertThat(d.verdict()).isEqualTo(Verdict.APPROVED);
            assertThat(d.approvals()).isEqualTo(1);
            assertThat(d.approvalsRequired()).isEqualTo(2);
            assertThat(d.decidedAt()).isEqualTo(LATER);
        });
        assertConflict(() -> change.approve(Approver.user("BOB"), policy, null, NO_FREEZE, LATER));

        change.approve(new Approver("carol", Set.of(), Set.of("cab-member")), policy, "fine", NO_FREEZE, LATER);
        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.decidedUnder()).isEqualTo(new ApprovalPolicy.Ref("production", "payments", 3));
        assertThat(change.pullEvents()).singleElement().isInstanceOf(ChangeAuthorized.class);
    }

    @Test
    void only_the_roles_a_policy_names_decide() {
        var cabOnly = new ApprovalPolicy("production", null, ChangeType.NORMAL, 1, 1, Set.of("cab-member"), true, "alice", LATER);
        var change = pending();

        assertThatThrownBy(() -> change.approve(Approver.user("bob"), cabOnly, null, NO_FREEZE, LATER))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("[cab-member]");
        assertThatThrownBy(() -> change.reject(Approver.user("bob"), cabOnly, "no", LATER))
                .isInstanceOf(NotPermittedException.class);
        assertThat(change.decisions()).isEmpty();
        assertThatThrownBy(() -> change.approve(new Approver("carol", Set.of(), Set.of("cab-member")),
                ONE, null, NO_FREEZE, LATER)).as("the default policy names change managers only")
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void an_emergency_change_is_decided_under_the_emergency_policy_which_an_emergency_approver_completes() {
        var erin = new Approver("erin", Set.of(), Set.of(ApprovalPolicy.EMERGENCY_APPROVER));
        var emergency = ApprovalPolicy.defaultFor("production", ChangeType.EMERGENCY);
        var change = raise(ChangeType.EMERGENCY, true);
        change.pullEvents();

        assertThatThrownBy(() -> change.approve(erin, ONE, null, NO_FREEZE, LATER))
                .as("the normal policy does not name emergency approvers").isInstanceOf(NotPermittedException.class);
        change.approve(erin, emergency, "outage", NO_FREEZE, LATER);

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.decidedUnder()).isEqualTo(new ApprovalPolicy.Ref("production", null, 0));
        assertThatThrownBy(() -> new ApprovalPolicy("production", null, ChangeType.STANDARD, 1, 1, CM, true, "alice",
                LATER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void where_a_rejection_does_not_reject_it_is_recorded_and_the_approvals_decide() {
        var lenient = new ApprovalPolicy("production", null, ChangeType.NORMAL, 1, 2, Set.of("change-manager"), false, "alice", LATER);
        var change = pending();
        change.pullEvents();

        change.reject(Approver.user("bob"), lenient, "not convinced", LATER);
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeDecisionRecorded.class, d -> {
            assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(d.comment()).isEqualTo("not convinced");
            assertThat(d.approvals()).isZero();
        });
        change.approve(Approver.user("carol"), lenient, null, NO_FREEZE, LATER);
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeDecisionRecorded.class,
                d -> assertThat(d.approvals()).isEqualTo(1));
        change.approve(Approver.user("dave"), lenient, null, NO_FREEZE, LATER);
        assertThat(change.pullEvents()).singleElement().isInstanceOf(ChangeAuthorized.class);

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.decisions()).extracting(Decision::verdict)
                .containsExactly(Verdict.REJECTED, Verdict.APPROVED, Verdict.APPROVED);
    }

    @Test
    void approving_or_rejecting_a_change_that_is_not_pending_approval_conflicts() {
        var authorized = pending();
        authorized.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER);
        var rejected = pending();
        rejected.reject(Approver.user("bob"), ONE, "not now", LATER);
        var standard = raise(ChangeType.STANDARD, false);

        for (var change : new ChangeRequest[] { authorized, rejected, standard }) {
            change.pullEvents();
            assertConflict(() -> change.approve(Approver.user("carol"), ONE, null, NO_FREEZE, LATER));
            assertConflict(() -> change.reject(Approver.user("carol"), ONE, "no", LATER));
            assertThat(change.pullEvents()).isEmpty();
        }
    }

    @Test
    void a_rejection_records_the_reason_and_ends_the_change() {
        var change = pending();

        change.reject(Approver.user("bob"), ONE, "freeze week", LATER);

        assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(change.authorizedBy()).isNull();
        assertThat(change.decisions()).containsExactly(new Decision("bob", Verdict.REJECTED, "freeze week", LATER));
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeRejected.class, e -> {
            assertThat(e.rejectedBy()).isEqualTo("bob");
            assertThat(e.reason()).isEqualTo("freeze week");
        });
    }

    @Test
    void a_rejection_without_a_reason_is_refused() {
        var change = pending();

        assertThatThrownBy(() -> change.reject(Approver.user("bob"), ONE, " ", LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    void a_scheduled_change_implements_when_its_deployment_is_requested_and_closes_when_it_succeeds() {
        var change = raise(ChangeType.STANDARD, false);
        change.pullEvents();

        change.deploymentStarted(LATER);
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTING);
        assertThat(change.milestones().implementationStartedAt()).isEqualTo(LATER);
        assertThat(change.pullEvents()).isEmpty();
        change.close(LATER.plusSeconds(60));

        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(change.outcome()).isEqualTo(ChangeOutcome.SUCCESSFUL);
        assertThat(change.closedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(change.pullEvents()).singleElement().isInstanceOf(ChangeClosed.class);
        assertThat(change.auditTrail()).extracting(AuditEntry::action).endsWith(AuditEntry.Action.STARTED,
                AuditEntry.Action.CLOSED);
    }

    @Test
    void an_outcome_reported_before_the_request_starts_the_implementation_first() {
        var change = raise(ChangeType.STANDARD, false);

        change.close(LATER);

        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(change.auditTrail()).extracting(AuditEntry::action, AuditEntry::state).endsWith(
                tuple(AuditEntry.Action.STARTED, ChangeState.IMPLEMENTING),
                tuple(AuditEntry.Action.CLOSED, ChangeState.CLOSED));
        assertConflict(() -> change.deploymentStarted(LATER));
    }

    @Test
    void a_failed_deployment_asks_for_a_review_which_a_change_manager_writes_to_close_the_change() {
        var change = raise(ChangeType.STANDARD, false);
        change.pullEvents();

        change.fail("health check failed", LATER);

        assertThat(change.state()).isEqualTo(ChangeState.REVIEW);
        assertThat(change.outcome()).isEqualTo(ChangeOutcome.FAILED);
        assertThat(change.failureReason()).isEqualTo("health check failed");
        assertThat(change.closedAt()).isNull();
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeFailed.class,
                e -> assertThat(e.reason()).isEqualTo("health check failed"));
        assertThatThrownBy(() -> change.review(new Approver("rita", Set.of(), Set.of("release-manager")), "x", LATER))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> change.review(Approver.user("bob"), " ", LATER))
                .isInstanceOf(IllegalArgumentException.class);

        change.review(Approver.user("bob"), "a missing migration; the pipeline now runs them first", LATER);

        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(change.outcome()).as("a review closes the change, its outcome stays").isEqualTo(ChangeOutcome.FAILED);
        assertThat(change.milestones().review()).isEqualTo(new Milestones.Review("bob",
                "a missing migration; the pipeline now runs them first", LATER));
        assertThat(change.closedAt()).isEqualTo(LATER);
        assertThat(change.auditTrail()).last().extracting(AuditEntry::action).isEqualTo(AuditEntry.Action.REVIEWED);
        assertConflict(() -> change.review(Approver.user("bob"), "again", LATER));
    }

    @Test
    void only_a_scheduled_or_implementing_change_takes_its_deployment_outcome() {
        var pending = pending();
        var rejected = pending();
        rejected.reject(Approver.user("bob"), ONE, "no", LATER);
        var closed = raise(ChangeType.STANDARD, false);
        closed.close(LATER);
        var failed = raise(ChangeType.STANDARD, false);
        failed.fail("boom", LATER);

        for (var change : new ChangeRequest[] { pending, rejected, closed, failed }) {
            var state = change.state();
            change.pullEvents();
            assertConflict(() -> change.close(LATER));
            assertConflict(() -> change.fail("again", LATER));
            assertConflict(() -> change.deploymentStarted(LATER));
            assertThat(change.state()).isEqualTo(state);
            assertThat(change.pullEvents()).isEmpty();
        }
    }

    @Test
    void a_change_raised_by_hand_is_started_and_completed_by_its_requester_or_a_change_manager() {
        var change = byHand();
        change.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER);
        change.pullEvents();
        var rita = new Approver("rita", Set.of(), Set.of("release-manager"));

        assertThatThrownBy(() -> change.startImplementation(rita, null, LATER)).isInstanceOf(NotPermittedException.class);
        change.startImplementation(new Approver("ALICE", Set.of(), Set.of("release-manager")), "window open", LATER);
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTING);
        assertConflict(() -> change.startImplementation(Approver.user("bob"), null, LATER));
        assertThatThrownBy(() -> change.complete(Approver.user("bob"), ChangeOutcome.BACKED_OUT, null, LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTING);

        change.complete(Approver.user("bob"), ChangeOutcome.BACKED_OUT, "latency doubled", LATER);

        assertThat(change.state()).isEqualTo(ChangeState.REVIEW);
        assertThat(change.outcome()).isEqualTo(ChangeOutcome.BACKED_OUT);
        assertThat(change.pullEvents()).singleElement().isInstanceOfSatisfying(ChangeFailed.class,
                e -> assertThat(e.reason()).isEqualTo("backed out: latency doubled"));
        assertThat(change.auditTrail()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AuditEntry.Action.BACKED_OUT);
            assertThat(a.by()).isEqualTo("bob");
        });
    }

    @Test
    void a_successful_implementation_by_hand_closes_the_change() {
        var change = byHand();
        change.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER);
        change.startImplementation(Approver.user("alice"), null, LATER);
        change.pullEvents();

        change.complete(Approver.user("alice"), ChangeOutcome.SUCCESSFUL, null, LATER);

        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(change.pullEvents()).singleElement().isInstanceOf(ChangeClosed.class);
    }

    @Test
    void a_change_raised_by_hand_is_cancelled_until_its_implementation_starts() {
        var pending = byHand();
        var scheduled = byHand();
        scheduled.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER);
        var implementing = byHand();
        implementing.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER);
        implementing.startImplementation(Approver.user("bob"), null, LATER);

        assertThatThrownBy(() -> pending.cancel(new Approver("rita", Set.of(), Set.of("release-manager")), "no", LATER))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> pending.cancel(Approver.user("alice"), "", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        pending.cancel(Approver.user("alice"), "superseded", LATER);
        scheduled.cancel(Approver.user("bob"), "no longer needed", LATER);
        assertConflict(() -> implementing.cancel(Approver.user("bob"), "too late", LATER));

        assertThat(pending.state()).isEqualTo(ChangeState.CANCELLED);
        assertThat(scheduled.state()).isEqualTo(ChangeState.CANCELLED);
        assertThat(scheduled.closedAt()).isEqualTo(LATER);
        assertThat(implementing.state()).isEqualTo(ChangeState.IMPLEMENTING);
        assertConflict(() -> pending.approve(Approver.user("bob"), ONE, null, NO_FREEZE, LATER));
    }

    @Test
    void a_change_its_deployment_implements_is_not_moved_by_hand() {
        var change = raise(ChangeType.STANDARD, false);

        assertConflict(() -> change.startImplementation(Approver.user("bob"), null, LATER));
        assertConflict(() -> change.cancel(Approver.user("bob"), "no", LATER));
        change.deploymentStarted(LATER);
        assertConflict(() -> change.complete(Approver.user("bob"), ChangeOutcome.SUCCESSFUL, null, LATER));
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTING);
    }

    @Test
    void only_what_happened_since_the_change_was_read_is_new_to_its_store() {
        var raised = pending();
        assertThat(raised.newAuditEntries()).hasSize(3);
        var read = ChangeRequest.restore(raised.id(), raised.proposal(), raised.state(), raised.raisedAt(),
                Milestones.NONE, raised.risk(), null, null, null, raised.decisions(), raised.auditTrail(), List.of(), 1);
        assertThat(read.newAuditEntries()).isEmpty();
        assertThat(read.newDecisions()).isEmpty();

        read.approve(Approver.user("bob"), ONE, "ok", NO_FREEZE, LATER);

        assertThat(read.newDecisions()).containsExactly(new Decision("bob", Verdict.APPROVED, "ok", LATER));
        assertThat(read.newAuditEntries()).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.APPROVED);
        assertThat(read.auditTrail()).hasSize(4);
    }

    @Test
    void events_are_handed_over_once() {
        var change = raise(ChangeType.NORMAL, true);

        assertThat(change.pullEvents()).hasSize(1);
        assertThat(change.pullEvents()).isEmpty();
    }

    @Test
    void an_emergency_change_a_policy_authorizes_is_scheduled_at_once_through_a_freeze_and_its_trail_names_the_policy() {
        var proposal = new Proposal(ChangeType.EMERGENCY, "payments", "production", "Roll payments back to 1.1.0",
                null, "incident 42 (P1 policy of production)", UUID.randomUUID(), UUID.randomUUID());
        var freeze = Optional.of(new Hold(List.of(UUID.randomUUID()), List.of("Year end"), LATER));

        var change = ChangeRequest.raiseAuthorizedByPolicy(UUID.randomUUID(), proposal, Assessment.byHand(LOW_RISK),
                true, "the incident rollback policy of production (automatic) for incident 42", freeze, RAISED);

        assertThat(change.state()).isEqualTo(ChangeState.SCHEDULED);
        assertThat(change.hold()).as("an emergency passes the freeze").isNull();
        assertThat(change.authorizedBy()).isEqualTo(ChangeRequest.POLICY_AUTHORIZER);
        assertThat(change.decisions()).isEmpty();
        assertThat(change.pullEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ChangeRaised", "ChangeAuthorized");
        assertThat(change.auditTrail()).extracting(AuditEntry::action, AuditEntry::detail).containsExactly(
                tuple(AuditEntry.Action.RAISED, "Roll payments back to 1.1.0"),
                tuple(AuditEntry.Action.ASSESSED,
                        "risk 12 of 100; emergency change: authorized at once by its environment's policy"),
                tuple(AuditEntry.Action.AUTHORIZED,
                        "authorized at once by the incident rollback policy of production (automatic) for incident 42"),
                tuple(AuditEntry.Action.PASSED_FREEZE, "emergency change passes freeze window 'Year end' (until " + LATER
                        + "), authorized at once by its environment's policy"));
    }

    @Test
    void only_an_emergency_change_is_authorized_by_a_policy() {
        var proposal = new Proposal(ChangeType.NORMAL, "payments", "production", "Deploy payments 1.2.0", null,
                "alice", UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> ChangeRequest.raiseAuthorizedByPolicy(UUID.randomUUID(), proposal,
                Assessment.byHand(LOW_RISK), true, "a policy", NO_FREEZE, RAISED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A normal change waiting for approval, its raised event already handed over. */
    private static ChangeRequest pending() {
        var change = raise(ChangeType.NORMAL, true);
        change.pullEvents();
        return change;
    }

    /** A normal change raised by hand by alice, waiting for approval. */
    private static ChangeRequest byHand() {
        var proposal = new Proposal(ChangeType.NORMAL, "payments", "production", "Rotate the database certificate",
                null, "alice", null, null);
        return ChangeRequest.raise(UUID.randomUUID(), proposal, Assessment.byHand(LOW_RISK), true, NO_FREEZE, RAISED);
    }

    private static ChangeRequest raise(ChangeType type, boolean requiresApproval) {
        return raise(type, requiresApproval, "alice");
    }

    private static ChangeRequest raise(ChangeType type, boolean requiresApproval, String requestedBy) {
        var proposal = new Proposal(type, "payments", "production", "Deploy payments 1.2.0 to production", null,
                requestedBy, UUID.randomUUID(), UUID.randomUUID());
        return ChangeRequest.raise(UUID.randomUUID(), proposal, Assessment.byHand(LOW_RISK), requiresApproval,
                NO_FREEZE, RAISED);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
    }
}
