package io.passerelle.changeservice.change;

import static io.passerelle.changeservice.change.ChangeState.ASSESSMENT;
import static io.passerelle.changeservice.change.ChangeState.CANCELLED;
import static io.passerelle.changeservice.change.ChangeState.CLOSED;
import static io.passerelle.changeservice.change.ChangeState.IMPLEMENTING;
import static io.passerelle.changeservice.change.ChangeState.NEW;
import static io.passerelle.changeservice.change.ChangeState.PENDING_APPROVAL;
import static io.passerelle.changeservice.change.ChangeState.REJECTED;
import static io.passerelle.changeservice.change.ChangeState.REVIEW;
import static io.passerelle.changeservice.change.ChangeState.SCHEDULED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.standardchange.TemplateRef;
import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * A request to change an environment of a service, through the ITIL 4 lifecycle of {@link ChangeState}. It owns its
 * transitions: each checks the rules, changes the state, appends to the audit trail and registers what happened as a
 * {@link ChangeEvent}. A change raised by a planned deployment is implemented by that deployment, whose outcome
 * moves it; a change raised by hand is started, completed and cancelled by its requester or a change manager.
 */
public final class ChangeRequest {

    /** How a change raised by a pipeline names its requester: {@code pipeline:<login of who triggered it>}. */
    static final String PIPELINE = "pipeline:";

    /** Who authorizes a standard change: it is pre-approved, no person decides. */
    public static final String STANDARD_CHANGE_AUTHORIZER = "passerelle:standard-change";
    /** Who assesses a change as it is raised: Passerelle itself. */
    public static final String ASSESSOR = "passerelle:assessment";
    /** Who moves a pipeline change through its implementation: the deployment, reported by release orchestration. */
    public static final String DEPLOYMENT_OUTCOME = "passerelle:deployment";
    /** Who authorizes an emergency change a policy of its environment authorizes at once (ADR 0020). */
    public static final String POLICY_AUTHORIZER = "passerelle:environment-policy";
    /** Who holds an authorized change while freeze windows cover it, and lets it proceed when they end. */
    public static final String FREEZE = "passerelle:freeze";
    /** Who records that a change caused an incident: incident management, where a person confirmed it. */
    public static final String INCIDENT = "passerelle:incident";

    /** The states from which a change may still be cancelled: its implementation has not started. */
    private static final Set<ChangeState> CANCELLABLE = EnumSet.of(NEW, ASSESSMENT, PENDING_APPROVAL, SCHEDULED);

    private final UUID id;
    private final Proposal proposal;
    private final Instant raisedAt;
    private final List<Decision> decisions;
    private final List<AuditEntry> auditTrail;
    private final List<CausedIncident> causedIncidents;
    /** The version read from the store, 0 for a change not saved yet (optimistic locking). */
    private final int version;
    /** How many decisions, audit entries and caused incidents the store had when the change was read: the rest are new. */
    private final int storedDecisions;
    private final int storedAuditEntries;
    private final int storedCausedIncidents;
    private final List<ChangeEvent> events = new ArrayList<>();
    private ChangeState state;
    private Milestones milestones;
    private @Nullable RiskAssessment risk;
    private final @Nullable TemplateRef standardTemplate;
    private @Nullable Hold hold;
    private ApprovalPolicy.@Nullable Ref decidedUnder;

    private ChangeRequest(UUID id, Proposal proposal, ChangeState state, Instant raisedAt, Milestones milestones,
            @Nullable RiskAssessment risk, @Nullable TemplateRef standardTemplate, @Nullable Hold hold,
            ApprovalPolicy.@Nullable Ref decidedUnder, List<Decision> decisions, List<AuditEntry> auditTrail,
            List<CausedIncident> causedIncidents, int version) {
        this.id = Objects.requireNonNull(id, "id");
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.state = Objects.requireNonNull(state, "state");
        this.raisedAt = Objects.requireNonNull(raisedAt, "raisedAt");
        this.milestones = Objects.requireNonNull(milestones, "milestones");
        this.risk = risk;
        this.standardTemplate = standardTemplate;
        this.hold = hold;
        this.decidedUnder = decidedUnder;
        this.decisions = new ArrayList<>(decisions);
        this.auditTrail = new ArrayList<>(auditTrail);
        this.causedIncidents = new ArrayList<>(causedIncidents);
        this.version = version;
        this.storedDecisions = decisions.size();
        this.storedAuditEntries = auditTrail.size();
        this.storedCausedIncidents = causedIncidents.size();
    }

    /**
     * Raises a change: NEW, assessed (its live risk; for a pipeline's change, the template that pre-approves it or why
     * none does), then waiting for approval, or, for a standard change, authorized at once (SCHEDULED) — held while a
     * freeze window covers it. A standard change is pre-approved by a template, or by an environment that does not
     * require approval; anywhere else it is refused.
     */
    public static ChangeRequest raise(UUID id, Proposal proposal, Assessment assessment,
            boolean environmentRequiresApproval, Optional<Hold> freeze, Instant at) {
        return raise(id, proposal, assessment, environmentRequiresApproval, null, freeze, at);
    }

    /**
     * Raises an emergency change that a policy of its environment authorizes at once, without approvers: an
     * incident's rollback where the environment's incident rollback policy is automatic (ADR 0020). Assessed like any
     * change, authorized by {@value #POLICY_AUTHORIZER} with {@code policy} (the policy and the incident, in words) in
     * its audit trail, and, an emergency, passing freeze windows.
     */
    public static ChangeRequest raiseAuthorizedByPolicy(UUID id, Proposal proposal, Assessment assessment,
            boolean environmentRequiresApproval, String policy, Optional<Hold> freeze, Instant at) {
        if (proposal.type() != ChangeType.EMERGENCY || policy.isBlank()) {
            throw new IllegalArgumentException("only an emergency change is authorized by a policy, which it names");
        }
        return raise(id, proposal, assessment, environmentRequiresApproval, policy, freeze, at);
    }

    private static ChangeRequest raise(UUID id, Proposal proposal, Assessment assessment,
            boolean environmentRequiresApproval, @Nullable String policy, Optional<Hold> freeze, Instant at) {
        var preApproved = proposal.type().isPreApproved();
        var authorizedAtOnce = preApproved || policy != null;
        if (preApproved && environmentRequiresApproval && assessment.template() == null) {
            throw RuleViolationException.unprocessable("A standard change is pre-approved and not allowed for "
                    + proposal.environment() + " of " + proposal.service()
                    + ", which requires approval and where no standard-change template applies: raise a NORMAL change");
        }
        var change = new ChangeRequest(id, proposal, NEW, at, Milestones.NONE, assessment.risk(),
                preApproved ? assessment.template() : null, null, null, List.of(), List.of(), List.of(), 0);
        change.audit(at, proposal.requestedBy(), AuditEntry.Action.RAISED, proposal.title());
        change.state = ASSESSMENT;
        var detail = assessment(proposal, assessment, environmentRequiresApproval, policy != null);
        change.audit(at, ASSESSOR, AuditEntry.Action.ASSESSED, detail);
        change.events.add(new ChangeRaised(id, proposal.type(),
                authorizedAtOnce ? ChangeRaised.State.AUTHORIZED : ChangeRaised.State.PENDING_APPROVAL,
                proposal.service(), proposal.environment(), proposal.title(), proposal.requestedBy(),
                proposal.deploymentId(), proposal.releaseId(), at, assessment.risk(), change.standardTemplate, detail));
        if (policy != null) {
            change.authorize(POLICY_AUTHORIZER, at);
            change.audit(at, POLICY_AUTHORIZER, AuditEntry.Action.AUTHORIZED, "authorized at once by " + policy);
            change.mayProceed(freeze, at);
        } else if (preApproved) {
            change.authorize(STANDARD_CHANGE_AUTHORIZER, at);
            change.audit(at, STANDARD_CHANGE_AUTHORIZER, AuditEntry.Action.AUTHORIZED,
                    change.standardTemplate == null ? "pre-approved standard change"
                            : "pre-approved by standard-change " + change.standardTemplate);
            change.mayProceed(freeze, at);
        } else {
            change.state = PENDING_APPROVAL;
            change.audit(at, ASSESSOR, AuditEntry.Action.SUBMITTED, "waits for approval");
        }
        return change;
    }

    private static String assessment(Proposal proposal, Assessment assessment, boolean environmentRequiresApproval,
            boolean authorizedByPolicy) {
        var where = proposal.environment() + " of " + proposal.service();
        var noTemplate = assessment.reasons().isEmpty() ? ""
                : "; no standard-change template: " + String.join("; ", assessment.reasons());
        var type = switch (proposal.type()) {
            case STANDARD -> assessment.template() != null
                    ? "standard change under " + assessment.template()
                    : "standard change: " + where + " does not require approval" + noTemplate;
            case NORMAL -> "normal change: " + (proposal.deploymentId() == null ? "raised as NORMAL by its requester"
                    : (environmentRequiresApproval ? where + " requires approval" : "raised as NORMAL") + noTemplate);
            case EMERGENCY -> authorizedByPolicy ? "emergency change: authorized at once by its environment's policy"
                    : "emergency change: decided under the emergency approval policy";
        };
        return "risk " + assessment.risk().score() + " of 100; " + type;
    }

    /** Rebuilds a change from the store; registers no events. */
    public static ChangeRequest restore(UUID id, Proposal proposal, ChangeState state, Instant raisedAt,
            Milestones milestones, @Nullable RiskAssessment risk, @Nullable TemplateRef standardTemplate,
            @Nullable Hold hold, ApprovalPolicy.@Nullable Ref decidedUnder, List<Decision> decisions,
            List<AuditEntry> auditTrail, List<CausedIncident> causedIncidents, int version) {
        return new ChangeRequest(id, proposal, state, raisedAt, milestones, risk, standardTemplate, hold, decidedUnder,
                decisions, auditTrail, causedIncidents, version);
    }

    /**
     * Approves the change under its approval policy: the approval that brings the distinct approvers to the number
     * the policy asks for authorizes it. The person behind the request never approves it ({@link Approver#isBehind}):
     * its requester, whatever the case of their user name, or for a change a pipeline raised
     * ({@code pipeline:<login>}) whoever the realm maps that login to. Only the roles the policy names decide, and
     * each person decides once. An authorized change is held while freeze windows cover it ({@code freeze}), unless it
     * is an emergency change, which passes them, as its audit trail says.
     */
    public void approve(Approver approver, ApprovalPolicy policy, @Nullable String comment, Optional<Hold> freeze,
            Instant at) {
        requireDecidable(approver, policy, "approved");
        var by = approver.user();
        if (approver.isBehind(proposal.requestedBy())) {
            throw new SegregationOfDutiesException(by + " requested change " + id
                    + (proposal.requestedBy().startsWith(PIPELINE) ? " through a pipeline" : "")
                    + " and cannot approve it: another change manager must");
        }
        decisions.add(new Decision(by, Verdict.APPROVED, comment, at));
        long approvals = decisions.stream().filter(d -> d.verdict() == Verdict.APPROVED).count();
        var authorizes = approvals >= policy.approvalsRequired();
        if (authorizes) {
            decidedUnder = policy.ref();
            authorize(by, at);
        } else {
            recorded(by, Verdict.APPROVED, comment, approvals, policy, at);
        }
        audit(at, by, AuditEntry.Action.APPROVED, comment == null && !authorizes
                ? approvals + " of " + policy.approvalsRequired() + " approvals" : comment);
        if (authorizes) {
            mayProceed(freeze, at);
        }
    }

    /**
     * A held change may proceed when the freeze windows that held it end: it is released ({@code change.authorized.v1})
     * unless windows still cover it ({@code freeze}, asked again now), which hold it anew.
     */
    public void release(Optional<Hold> freeze, Instant at) {
        if (state != SCHEDULED || hold == null) {
            throw RuleViolationException.conflict("Change " + id + " is " + state + " and not held; nothing to release");
        }
        var ended = hold;
        hold = null;
        if (freeze.isPresent()) {
            holdBy(freeze.get(), "still held", at);
            return;
        }
        audit(at, FREEZE, AuditEntry.Action.RELEASED, ended.windows() + " over: the change may proceed");
        events.add(new ChangeAuthorized(id, proposal.type(), proposal.service(), proposal.environment(),
                proposal.deploymentId(), Objects.requireNonNull(milestones.authorizedBy()),
                Objects.requireNonNull(milestones.authorizedAt())));
    }

    /** The live risk assessed again, while the change is not implementing yet; false (ignored) once it is. */
    public boolean reassess(RiskAssessment assessed) {
        if (state != PENDING_APPROVAL && state != SCHEDULED) {
            return false;
        }
        risk = assessed;
        return true;
    }

    /**
     * Rejects the change, or, where its policy lets the approvals decide, records a rejection and leaves the change
     * waiting; a rejection always says why. The requester may reject (withdraw) their own change.
     */
    public void reject(Approver rejecter, ApprovalPolicy policy, String reason, Instant at) {
        requireDecidable(rejecter, policy, "rejected");
        requireReason(reason, "a rejection");
        var by = rejecter.user();
        decisions.add(new Decision(by, Verdict.REJECTED, reason, at));
        if (policy.anyRejectionRejects()) {
            state = REJECTED;
            decidedUnder = policy.ref();
            events.add(new ChangeRejected(id, proposal.service(), proposal.environment(), proposal.deploymentId(),
                    by, reason, at));
        } else {
            recorded(by, Verdict.REJECTED, reason,
                    decisions.stream().filter(d -> d.verdict() == Verdict.APPROVED).count(), policy, at);
        }
        audit(at, by, AuditEntry.Action.REJECTED, reason);
    }

    /** A decision that leaves the change waiting for approval. */
    private void recorded(String by, Verdict verdict, @Nullable String comment, long approvals, ApprovalPolicy policy,
            Instant at) {
        events.add(new ChangeDecisionRecorded(id, proposal.service(), proposal.environment(), proposal.deploymentId(),
                by, verdict, comment, approvals, policy.approvalsRequired(), at));
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

    /** Its requester or a change manager starts implementing a scheduled change raised by hand. */
    public void startImplementation(Approver by, @Nullable String comment, Instant at) {
        requireImplementedByHand(by, "started");
        requireState(SCHEDULED, "started");
        requireNotHeld();
        start(by.user(), comment, at);
    }

    /**
     * Its requester or a change manager says how the implementation of a change raised by hand ended: SUCCESSFUL
     * closes it; FAILED or BACKED_OUT, which need a reason, ask for a post-implementation review.
     */
    public void complete(Approver by, ChangeOutcome outcome, @Nullable String reason, Instant at) {
        requireImplementedByHand(by, "completed");
        requireState(IMPLEMENTING, "completed");
        if (outcome != ChangeOutcome.SUCCESSFUL) {
            requireReason(reason, "an implementation that " + (outcome == ChangeOutcome.FAILED ? "failed" : "was backed out"));
        }
        end(by.user(), outcome, reason, at);
    }

    /** The change's deployment was requested from the toolchain: the implementation of a scheduled change starts. */
    public void deploymentStarted(Instant at) {
        requireState(SCHEDULED, "started");
        requireNotHeld();
        start(DEPLOYMENT_OUTCOME, "deployment " + proposal.deploymentId() + " requested", at);
    }

    /** The change's deployment succeeded: the change is closed (started first if that was not reported yet). */
    public void close(Instant at) {
        endByDeployment(ChangeOutcome.SUCCESSFUL, null, at);
    }

    /** The change's deployment failed: the change asks for a post-implementation review. */
    public void fail(@Nullable String reason, Instant at) {
        endByDeployment(ChangeOutcome.FAILED, reason, at);
    }

    /**
     * The change's deployment was undone by a rollback (another deployment under its own change): the trail says so;
     * the change keeps its state and outcome, which describe its own implementation.
     */
    public void backedOut(String detail, Instant at) {
        audit(at, DEPLOYMENT_OUTCOME, AuditEntry.Action.BACKED_OUT, detail);
    }

    /**
     * A person confirmed, in incident management, that this change's deployment caused an incident: the change
     * records it and its trail says so (CAUSED_INCIDENT), in whatever state it is (usually closed: the incident comes
     * after the implementation). The same incident is recorded once: false when it already was.
     */
    public boolean causedIncident(CausedIncident incident, Instant at) {
        if (causedIncidents.stream().anyMatch(c -> c.incidentId().equals(incident.incidentId()))) {
            return false;
        }
        causedIncidents.add(incident);
        audit(at, INCIDENT, AuditEntry.Action.CAUSED_INCIDENT, "caused incident " + incident.incidentId() + " ("
                + incident.priority() + "): its deployment " + incident.deploymentId() + " was confirmed as a cause by "
                + incident.confirmedBy() + " at " + incident.confirmedAt() + ": " + incident.reason());
        return true;
    }

    /** A change manager writes the post-implementation review of a change that did not succeed, which closes it. */
    public void review(Approver reviewer, String text, Instant at) {
        requireState(REVIEW, "reviewed");
        if (!reviewer.roles().contains(Roles.CHANGE_MANAGER)) {
            throw new NotPermittedException("only a change manager writes the post-implementation review");
        }
        requireReason(text, "a review");
        milestones = milestones.reviewed(new Milestones.Review(reviewer.user(), text, at)).closed(at);
        state = CLOSED;
        audit(at, reviewer.user(), AuditEntry.Action.REVIEWED, text);
    }

    /** Its requester or a change manager cancels a change raised by hand whose implementation has not started. */
    public void cancel(Approver by, String reason, Instant at) {
        requireImplementedByHand(by, "cancelled");
        if (!CANCELLABLE.contains(state)) {
            throw RuleViolationException.conflict("Change " + id + " is " + state
                    + "; only a change whose implementation has not started can be cancelled");
        }
        requireReason(reason, "a cancellation");
        state = CANCELLED;
        hold = null;
        milestones = milestones.closed(at);
        audit(at, by.user(), AuditEntry.Action.CANCELLED, reason);
    }

    /** The events registered since the change was raised or restored, handed over once. */
    public List<ChangeEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void endByDeployment(ChangeOutcome outcome, @Nullable String reason, Instant at) {
        if (state == SCHEDULED) {
            requireNotHeld();
            start(DEPLOYMENT_OUTCOME, "deployment " + proposal.deploymentId() + " reported its outcome first", at);
        }
        requireState(IMPLEMENTING, outcome == ChangeOutcome.SUCCESSFUL ? "closed" : "failed");
        end(DEPLOYMENT_OUTCOME, outcome, reason, at);
    }

    private void start(String by, @Nullable String detail, Instant at) {
        state = IMPLEMENTING;
        milestones = milestones.started(at);
        audit(at, by, AuditEntry.Action.STARTED, detail);
    }

    private void end(String by, ChangeOutcome outcome, @Nullable String reason, Instant at) {
        milestones = milestones.ended(outcome, reason, at);
        var what = proposal.deploymentId() == null ? "implementation" : "deployment " + proposal.deploymentId();
        if (outcome == ChangeOutcome.SUCCESSFUL) {
            state = CLOSED;
            milestones = milestones.closed(at);
            audit(at, by, AuditEntry.Action.CLOSED, what + " succeeded");
            events.add(new ChangeClosed(id, proposal.service(), proposal.environment(), proposal.deploymentId(), at));
            return;
        }
        state = REVIEW;
        var ended = outcome == ChangeOutcome.FAILED ? " failed" : " was backed out";
        audit(at, by, outcome == ChangeOutcome.FAILED ? AuditEntry.Action.FAILED : AuditEntry.Action.BACKED_OUT,
                what + ended + (reason == null ? "" : ": " + reason) + "; a post-implementation review is due");
        events.add(new ChangeFailed(id, proposal.service(), proposal.environment(), proposal.deploymentId(),
                outcome == ChangeOutcome.BACKED_OUT ? "backed out: " + reason : reason, at));
    }

    /** A change a deployment implements moves with that deployment's events, not by hand. */
    private void requireImplementedByHand(Approver by, String verb) {
        if (proposal.deploymentId() != null) {
            throw RuleViolationException.conflict("Change " + id + " is implemented by deployment "
                    + proposal.deploymentId() + ", whose outcome moves it; it cannot be " + verb + " by hand");
        }
        if (!by.user().equalsIgnoreCase(proposal.requestedBy()) && !by.roles().contains(Roles.CHANGE_MANAGER)) {
            throw new NotPermittedException("only the requester of change " + id + " or a change manager may do that");
        }
    }

    private void requireNotHeld() {
        if (hold != null) {
            throw RuleViolationException.conflict("Change " + id + " is held by " + hold.windows() + " until "
                    + hold.until() + "; it may proceed then");
        }
    }

    private static void requireReason(@Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " needs a reason");
        }
    }

    private void requireState(ChangeState required, String verb) {
        if (state != required) {
            throw RuleViolationException.conflict("Change " + id + " is " + state + "; only a change " + required
                    + " can be " + verb);
        }
    }

    private void authorize(String by, Instant at) {
        state = SCHEDULED;
        milestones = milestones.authorized(by, at);
    }

    /**
     * A change just authorized may be implemented now ({@code change.authorized.v1}), unless freeze windows cover it:
     * then it is held until they end ({@code change.held.v1}). An emergency change passes them, and says so.
     */
    private void mayProceed(Optional<Hold> freeze, Instant at) {
        if (freeze.isPresent() && proposal.type() != ChangeType.EMERGENCY) {
            holdBy(freeze.get(), "held", at);
            return;
        }
        freeze.ifPresent(passed -> audit(at, FREEZE, AuditEntry.Action.PASSED_FREEZE, "emergency change passes "
                + passed.windows() + " (until " + passed.until() + "), authorized "
                + (POLICY_AUTHORIZER.equals(milestones.authorizedBy()) ? "at once by its environment's policy"
                        : "under the emergency approval policy")));
        events.add(new ChangeAuthorized(id, proposal.type(), proposal.service(), proposal.environment(),
                proposal.deploymentId(), Objects.requireNonNull(milestones.authorizedBy()), at));
    }

    private void holdBy(Hold freeze, String how, Instant at) {
        hold = freeze;
        var reason = how + " by " + freeze.windows() + " until " + freeze.until();
        audit(at, FREEZE, AuditEntry.Action.HELD, reason);
        events.add(new ChangeHeld(id, proposal.type(), proposal.service(), proposal.environment(),
                proposal.deploymentId(), freeze.windowIds(), reason, freeze.until(), at));
    }

    private void audit(Instant at, String by, AuditEntry.Action action, @Nullable String detail) {
        auditTrail.add(new AuditEntry(at, by, action, state, detail));
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

    public Milestones milestones() {
        return milestones;
    }

    /** The live risk as last assessed; null for a change raised before risk was assessed. */
    public @Nullable RiskAssessment risk() {
        return risk;
    }

    /** The template that pre-approved this standard change, if one did. */
    public @Nullable TemplateRef standardTemplate() {
        return standardTemplate;
    }

    /** What holds this authorized change, if anything does. */
    public @Nullable Hold hold() {
        return hold;
    }

    public @Nullable Instant authorizedAt() {
        return milestones.authorizedAt();
    }

    public @Nullable String authorizedBy() {
        return milestones.authorizedBy();
    }

    public @Nullable Instant closedAt() {
        return milestones.closedAt();
    }

    public @Nullable ChangeOutcome outcome() {
        return milestones.outcome();
    }

    public @Nullable String failureReason() {
        return milestones.failureReason();
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

    /** The incidents this change was confirmed to have caused, in the order they were recorded. */
    public List<CausedIncident> causedIncidents() {
        return List.copyOf(causedIncidents);
    }

    public int version() {
        return version;
    }

    /** The caused incidents recorded since the change was read from the store: the ones to append to it. */
    public List<CausedIncident> newCausedIncidents() {
        return List.copyOf(causedIncidents.subList(storedCausedIncidents, causedIncidents.size()));
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
