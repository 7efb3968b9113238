package io.passerelle.changeservice.change;

import static io.passerelle.changeservice.change.ChangeState.AUTHORIZED;
import static io.passerelle.changeservice.change.ChangeState.CLOSED;
import static io.passerelle.changeservice.change.ChangeState.FAILED;
import static io.passerelle.changeservice.change.ChangeState.PENDING_APPROVAL;
import static io.passerelle.changeservice.change.ChangeState.REJECTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import org.jspecify.annotations.Nullable;

/**
 * A request to change an environment of a service. It owns its transitions: each checks the rules, changes the
 * state, appends to the audit trail and registers what happened as a {@link ChangeEvent}.
 */
public final class ChangeRequest {

    /** How a change raised by a pipeline names its requester: {@code pipeline:<login of who triggered it>}. */
    static final String PIPELINE = "pipeline:";

    /** Who authorizes a standard change: it is pre-approved, no person decides. */
    public static final String STANDARD_CHANGE_AUTHORIZER = "passerelle:standard-change";
    /** Who closes or fails a change: the outcome of its deployment, reported by release orchestration. */
    public static final String DEPLOYMENT_OUTCOME = "passerelle:deployment";

    private final UUID id;
    private final Proposal proposal;
    private final Instant raisedAt;
    private final List<Decision> decisions;
    private final List<AuditEntry> auditTrail;
    /** The version read from the store, 0 for a change not saved yet (optimistic locking). */
    private final int version;
    /** How many decisions and audit entries the store had when the change was read: the rest are new. */
    private final int storedDecisions;
    private final int storedAuditEntries;
    private final List<ChangeEvent> events = new ArrayList<>();
    private ChangeState state;
    private @Nullable Instant authorizedAt;
    private @Nullable String authorizedBy;
    private @Nullable Instant closedAt;
    private @Nullable String failureReason;
    private ApprovalPolicy.@Nullable Ref decidedUnder;

    private ChangeRequest(UUID id, Proposal proposal, ChangeState state, Instant raisedAt,
            @Nullable Instant authorizedAt, @Nullable String authorizedBy, @Nullable Instant closedAt,
            @Nullable String failureReason, ApprovalPolicy.@Nullable Ref decidedUnder, List<Decision> decisions,
            List<AuditEntry> auditTrail, int version) {
        this.id = Objects.requireNonNull(id, "id");
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.state = Objects.requireNonNull(state, "state");
        this.raisedAt = Objects.requireNonNull(raisedAt, "raisedAt");
        this.authorizedAt = authorizedAt;
        this.authorizedBy = authorizedBy;
        this.closedAt = closedAt;
        this.failureReason = failureReason;
        this.decidedUnder = decidedUnder;
        this.decisions = new ArrayList<>(decisions);
        this.auditTrail = new ArrayList<>(auditTrail);
        this.version = version;
        this.storedDecisions = decisions.size();
        this.storedAuditEntries = auditTrail.size();
    }

    /**
     * Raises a change. A standard change is pre-approved and authorized at once, but only for an environment that
     * does not require approval; a normal or emergency change waits for approval.
     */
    public static ChangeRequest raise(UUID id, Proposal proposal, boolean environmentRequiresApproval, Instant at) {
        if (proposal.type().isPreApproved() && environmentRequiresApproval) {
            throw RuleViolationException.unprocessable("A standard change is pre-approved and not allowed for "
                    + proposal.environment() + " of " + proposal.service()
                    + ", which requires approval: raise a NORMAL change");
        }
        var change = new ChangeRequest(id, proposal, PENDING_APPROVAL, at, null, null, null, null, null, List.of(),
                List.of(), 0);
        change.audit(at, proposal.requestedBy(), AuditEntry.Action.RAISED, proposal.title());
        var preApproved = proposal.type().isPreApproved();
        change.events.add(new ChangeRaised(id, proposal.type(), preApproved ? AUTHORIZED : PENDING_APPROVAL,
                proposal.service(), proposal.environment(), proposal.title(), proposal.requestedBy(),
                proposal.deploymentId(), proposal.releaseId(), at));
        if (preApproved) {
            change.authorize(STANDARD_CHANGE_AUTHORIZER, at);
            change.audit(at, STANDARD_CHANGE_AUTHORIZER, AuditEntry.Action.AUTHORIZED, "pre-approved standard change");
        }
        return change;
    }

    /** Rebuilds a change from the store; registers no events. */
    public static ChangeRequest restore(UUID id, Proposal proposal, ChangeState state, Instant raisedAt,
            @Nullable Instant authorizedAt, @Nullable String authorizedBy, @Nullable Instant closedAt,
            @Nullable String failureReason, ApprovalPolicy.@Nullable Ref decidedUnder, List<Decision> decisions,
            List<AuditEntry> auditTrail, int version) {
        return new ChangeRequest(id, proposal, state, raisedAt, authorizedAt, authorizedBy, closedAt, failureReason,
                decidedUnder, decisions, auditTrail, version);
    }

    /**
     * Approves the change under its approval policy: the approval that brings the distinct approvers to the number
     * the policy asks for authorizes it. The person behind the request never approves it ({@link Approver#isBehind}):
     * its requester, whatever the case of their user name, or for a change a pipeline raised
     * ({@code pipeline:<login>}) whoever the realm maps that login to. Only the roles the policy names decide, and
     * each person decides once.
     */
    public void approve(Approver approver, ApprovalPolicy policy, @Nullable String comment, Instant at) {
        requireDecidable(approver, policy, "approved");
        var by = approver.user();
        if (approver.isBehind(proposal.requestedBy())) {
            throw new SegregationOfDutiesException(by + " requested change " + id
                    + (proposal.requestedBy().startsWith(PIPELINE) ? " through a pipeline" : "")
                    + " and cannot approve it: another change manager must");
        }
        decisions.add(new Decision(by, Verdict.APPROVED, comment, at));
        long approvals = decisions.stream().filter(d -> d.verdict() == Verdict.APPROVED).count();
        if (approvals >= policy.approvalsRequired()) {
            decidedUnder = policy.ref();
            authorize(by, at);
        }
        audit(at, by, AuditEntry.Action.APPROVED, comment == null && approvals < policy.approvalsRequired()
                ? approvals + " of " + policy.approvalsRequired() + " approvals" : comment);
    }

    /**
     * Rejects the change, or, where its policy lets the approvals decide, records a rejection and leaves the change
     * waiting; a rejection always says why. The requester may reject (withdraw) their own change.
     */
    public void reject(Approver rejecter, ApprovalPolicy policy, String reason, Instant at) {
        requireDecidable(rejecter, policy, "rejected");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        var by = rejecter.user();
        decisions.add(new Decision(by, Verdict.REJECTED, reason, at));
        if (policy.anyRejectionRejects()) {
            state = REJECTED;
            decidedUnder = policy.ref();
            events.add(new ChangeRejected(id, proposal.service(), proposal.environment(), proposal.deploymentId(),
                    by, reason, at));
        }
        audit(at, by, AuditEntry.Action.REJECTED, reason);
    }

    private void requireDecidable(Approver approver, ApprovalPolicy policy, String verb) {
        requireState(PENDING_APPROVAL, verb);
        if (!policy.admits(approver)) {
            throw new NotPermittedException("the approval policy of " + proposal.environment()
                    + (policy.service() == null ? "" : " for " + policy.service()) + " (version " + policy.version()
                    + ") lets only " + new TreeSet<>(policy.approverRoles()) + " decide");
        }
        if (decisions.stream().anyMatch(d -> d.by().equalsIgnoreCase(approver.user()))) {
            throw RuleViolationException.conflict(approver.user() + " has already decided on change " + id
                    + "; each person decides once");
        }
    }

    /** The change was implemented successfully (its deployment succeeded). */
    public void close(Instant at) {
        requireState(AUTHORIZED, "closed");
        state = CLOSED;
        closedAt = at;
        audit(at, DEPLOYMENT_OUTCOME, AuditEntry.Action.CLOSED, outcomeDetail("succeeded"));
        events.add(new ChangeClosed(id, proposal.service(), proposal.environment(), proposal.deploymentId(), at));
    }

    /** The implementation of the change failed (its deployment failed). */
    public void fail(@Nullable String reason, Instant at) {
        requireState(AUTHORIZED, "failed");
        state = FAILED;
        closedAt = at;
        failureReason = reason;
        audit(at, DEPLOYMENT_OUTCOME, AuditEntry.Action.FAILED,
                outcomeDetail("failed") + (reason == null ? "" : ": " + reason));
        events.add(new ChangeFailed(id, proposal.service(), proposal.environment(), proposal.deploymentId(),
                reason, at));
    }

    /** The events registered since the change was raised or restored, handed over once. */
    public List<ChangeEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireState(ChangeState required, String verb) {
        if (state != required) {
            throw RuleViolationException.conflict("Change " + id + " is " + state + "; only a change " + required
                    + " can be " + verb);
        }
    }

    private void authorize(String by, Instant at) {
        state = AUTHORIZED;
        authorizedAt = at;
        authorizedBy = by;
        events.add(new ChangeAuthorized(id, proposal.type(), proposal.service(), proposal.environment(),
                proposal.deploymentId(), by, at));
    }

    private void audit(Instant at, String by, AuditEntry.Action action, @Nullable String detail) {
        auditTrail.add(new AuditEntry(at, by, action, state, detail));
    }

    private String outcomeDetail(String outcome) {
        return proposal.deploymentId() == null ? "implementation " + outcome
                : "deployment " + proposal.deploymentId() + " " + outcome;
    }

    public UUID id() {
        return id;
    }

    public Proposal proposal() {
        return proposal;
    }

    public ChangeType type() {
        return proposal.type();
    }

    public String service() {
        return proposal.service();
    }

    public String environment() {
        return proposal.environment();
    }

    public String requestedBy() {
        return proposal.requestedBy();
    }

    public @Nullable UUID deploymentId() {
        return proposal.deploymentId();
    }

    public ChangeState state() {
        return state;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public @Nullable Instant authorizedAt() {
        return authorizedAt;
    }

    public @Nullable String authorizedBy() {
        return authorizedBy;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public ApprovalPolicy.@Nullable Ref decidedUnder() {
        return decidedUnder;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public List<AuditEntry> auditTrail() {
        return List.copyOf(auditTrail);
    }

    public int version() {
        return version;
    }

    /** The decisions taken since the change was raised or read from the store: the ones to append to it. */
    public List<Decision> newDecisions() {
        return List.copyOf(decisions.subList(storedDecisions, decisions.size()));
    }

    /** The audit entries since the change was raised or read from the store: the ones to append to it. */
    public List<AuditEntry> newAuditEntries() {
        return List.copyOf(auditTrail.subList(storedAuditEntries, auditTrail.size()));
    }

    @Override
    public String toString() {
        return "ChangeRequest[" + id + " " + proposal.type() + " " + state + " " + proposal.service() + "/"
                + proposal.environment() + "]";
    }
}
