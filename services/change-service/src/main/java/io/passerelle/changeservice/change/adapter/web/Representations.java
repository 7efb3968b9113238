package io.passerelle.changeservice.change.adapter.web;

import static io.passerelle.platform.web.ApiTime.utc;
import static io.passerelle.platform.web.ApiTime.utcOrNull;

import io.passerelle.changeservice.api.model.ApproverRole;
import io.passerelle.changeservice.api.model.AuditEntry;
import io.passerelle.changeservice.api.model.Change;
import io.passerelle.changeservice.api.model.ChangeDetail;
import io.passerelle.changeservice.api.model.ChangeHold;
import io.passerelle.changeservice.api.model.ChangeOutcome;
import io.passerelle.changeservice.api.model.ChangeState;
import io.passerelle.changeservice.api.model.ChangeType;
import io.passerelle.changeservice.api.model.DecidedUnder;
import io.passerelle.changeservice.api.model.Decision;
import io.passerelle.changeservice.api.model.Review;
import io.passerelle.changeservice.api.model.RiskAssessment;
import io.passerelle.changeservice.api.model.RiskFactor;
import io.passerelle.changeservice.api.model.RiskFactorName;
import io.passerelle.changeservice.api.model.StandardTemplate;
import io.passerelle.changeservice.api.model.Verdict;
import io.passerelle.changeservice.change.ApprovalPolicy;
import io.passerelle.changeservice.change.ChangeRequest;
import io.passerelle.changeservice.change.Hold;
import io.passerelle.changeservice.api.model.CausedIncident;
import io.passerelle.changeservice.change.Milestones;
import io.passerelle.changeservice.standardchange.TemplateRef;
import org.jspecify.annotations.Nullable;

/** Maps change requests to the generated models of the HTTP contract, at the edge. */
final class Representations {

    private Representations() {
    }

    static Change change(ChangeRequest c) {
        return new Change(c.id(), ChangeType.fromValue(c.type().name()), state(c.state()), c.service(),
                c.environment(), c.proposal().title(), c.requestedBy(),
                c.decisions().stream().map(Representations::decision).toList(), utc(c.raisedAt()))
                .description(c.proposal().description())
                .releaseId(c.proposal().releaseId())
                .deploymentId(c.deploymentId())
                .authorizedAt(utcOrNull(c.authorizedAt()))
                .authorizedBy(c.authorizedBy())
                .implementationStartedAt(utcOrNull(c.milestones().implementationStartedAt()))
                .implementationEndedAt(utcOrNull(c.milestones().implementationEndedAt()))
                .outcome(c.outcome() == null ? null : ChangeOutcome.fromValue(c.outcome().name()))
                .failureReason(c.failureReason())
                .review(review(c.milestones().review()))
                .closedAt(utcOrNull(c.closedAt()))
                .decidedUnder(decidedUnder(c.decidedUnder()))
                .risk(c.risk() == null ? null : assessment(c.risk()))
                .standardTemplate(template(c.standardTemplate()))
                .hold(hold(c.hold()))
                .causedIncidents(c.causedIncidents().stream().map(Representations::caused).toList());
    }

    /** The change with its audit trail: the same fields as {@link #change}, mapped once. */
    static ChangeDetail detail(ChangeRequest c) {
        var change = change(c);
        return new ChangeDetail(change.getId(), change.getType(), change.getState(), change.getService(),
                change.getEnvironment(), change.getTitle(), change.getRequestedBy(), change.getApprovals(),
                change.getRaisedAt(), c.auditTrail().stream().map(Representations::audit).toList())
                .description(change.getDescription())
                .releaseId(change.getReleaseId())
                .deploymentId(change.getDeploymentId())
                .authorizedAt(change.getAuthorizedAt())
                .authorizedBy(change.getAuthorizedBy())
                .implementationStartedAt(change.getImplementationStartedAt())
                .implementationEndedAt(change.getImplementationEndedAt())
                .outcome(change.getOutcome())
                .failureReason(change.getFailureReason())
                .review(change.getReview())
                .closedAt(change.getClosedAt())
                .decidedUnder(change.getDecidedUnder())
                .risk(change.getRisk())
                .standardTemplate(change.getStandardTemplate())
                .hold(change.getHold())
                .causedIncidents(change.getCausedIncidents());
    }

    private static CausedIncident caused(io.passerelle.changeservice.change.CausedIncident c) {
        return new CausedIncident(c.incidentId(), c.deploymentId(), CausedIncident.PriorityEnum.fromValue(c.priority()),
                c.confirmedBy(), utc(c.confirmedAt()), c.reason());
    }

    static RiskAssessment assessment(io.passerelle.changeservice.risk.RiskAssessment a) {
        return new RiskAssessment(a.score(), a.factors().stream().map(Representations::factor).toList(),
                utc(a.assessedAt()));
    }

    private static RiskFactor factor(io.passerelle.changeservice.risk.RiskFactor f) {
        return new RiskFactor(RiskFactorName.fromValue(f.name()), f.weight(), f.value(), f.contribution(),
                f.explanation());
    }

    private static @Nullable StandardTemplate template(@Nullable TemplateRef t) {
        return t == null ? null : new StandardTemplate(t.id(), t.version(), t.name());
    }

    private static @Nullable ChangeHold hold(@Nullable Hold h) {
        return h == null ? null : new ChangeHold(h.windowIds(), h.windowNames(), utc(h.until()));
    }

    private static @Nullable Review review(Milestones.@Nullable Review review) {
        return review == null ? null : new Review(review.by(), review.text(), utc(review.at()));
    }

    private static @Nullable DecidedUnder decidedUnder(ApprovalPolicy.@Nullable Ref policy) {
        return policy == null ? null
                : new DecidedUnder(policy.environment(), policy.version()).service(policy.service());
    }

    static io.passerelle.changeservice.api.model.ApprovalPolicy policy(ApprovalPolicy p) {
        return new io.passerelle.changeservice.api.model.ApprovalPolicy(p.environment(),
                io.passerelle.changeservice.api.model.PolicyChangeType.fromValue(p.changeType().name()), p.version(),
                p.approvalsRequired(), p.approverRoles().stream().sorted().map(ApproverRole::fromValue).toList(),
                p.anyRejectionRejects(), p.definedBy(), utc(p.definedAt()))
                .service(p.service());
    }

    static io.passerelle.changeservice.change.ChangeType toDomain(ChangeType type) {
        return io.passerelle.changeservice.change.ChangeType.valueOf(type.getValue());
    }

    static io.passerelle.changeservice.change.@Nullable ChangeState toDomain(@Nullable ChangeState state) {
        return state == null ? null : io.passerelle.changeservice.change.ChangeState.valueOf(state.getValue());
    }

    private static ChangeState state(io.passerelle.changeservice.change.ChangeState state) {
        return ChangeState.fromValue(state.name());
    }

    private static Decision decision(io.passerelle.changeservice.change.Decision d) {
        return new Decision(d.by(), Verdict.fromValue(d.verdict().name()), utc(d.at())).comment(d.comment());
    }

    private static AuditEntry audit(io.passerelle.changeservice.change.AuditEntry a) {
        return new AuditEntry(utc(a.at()), a.by(), AuditEntry.ActionEnum.fromValue(a.action().name()),
                state(a.state())).detail(a.detail());
    }
}
