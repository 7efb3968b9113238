package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.IncidentRollbackPolicy;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.IncidentRollback.AskedBy;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.IncidentRollbacks;
import org.jspecify.annotations.Nullable;

/**
 * An incident asks for the rollback of a deployment (ADR 0020): when a person confirms the deployment as its cause, or
 * when a P1 starts within the environment's {@code p1Within} of the deployment finishing there. The rollback is an
 * emergency ({@link RollBackDeployment#rollBackLive}: only of the deployment live in its environment), naming the
 * incident, and authorized at once when the environment's policy is {@code automatic}; when none is possible, the
 * incident is told why ({@link RollbackDeclined}). Each incident asks once per deployment.
 */
public final class ProposeRollback {

    /** What came of the request. */
    public enum Outcome { PLANNED, DECLINED, IGNORED }

    /** A person confirmed {@code deploymentId} as the cause of incident {@code incidentId}. */
    public record ConfirmedCause(UUID incidentId, UUID deploymentId, String service, String environment,
            String confirmedBy, @Nullable String reason) {
    }

    /** An incident opened with {@code priority}, having started at {@code startedAt}. */
    public record NewIncident(UUID incidentId, String service, String environment, String priority,
            Instant startedAt) {
    }

    private final Services services;
    private final Deployments deployments;
    private final RollBackDeployment rollBack;
    private final IncidentRollbacks rollbacks;
    private final Clock clock;

    public ProposeRollback(Services services, Deployments deployments, RollBackDeployment rollBack,
            IncidentRollbacks rollbacks, Clock clock) {
        this.services = services;
        this.deployments = deployments;
        this.rollBack = rollBack;
        this.rollbacks = rollbacks;
        this.clock = clock;
    }

    /** The confirmed cause is rolled back, or the incident is told why not; IGNORED when it asked before. */
    public Outcome causeConfirmed(ConfirmedCause cause) {
        if (rollbacks.decided(cause.incidentId(), cause.deploymentId())) {
            return Outcome.IGNORED;
        }
        var undone = deployments.byId(cause.deploymentId());
        if (undone.isEmpty()) {
            rollbacks.save(IncidentRollback.declined(cause.incidentId(), cause.deploymentId(), cause.service(),
                    cause.environment(), AskedBy.CAUSE_CONFIRMED, "deployment " + cause.deploymentId()
                            + " is unknown to release orchestration: there is nothing to roll back", now()));
            return Outcome.DECLINED;
        }
        var why = cause.reason() == null || cause.reason().isBlank() ? "" : ": " + cause.reason();
        return propose(cause.incidentId(), AskedBy.CAUSE_CONFIRMED, undone.get(),
                "incident " + cause.incidentId() + " confirmed deployment " + cause.deploymentId() + " ("
                        + undone.get().version() + ") as its cause" + why,
                "incident " + cause.incidentId() + " (confirmed by " + cause.confirmedBy() + ")");
    }

    /**
     * A P1 whose environment has the P1 rule and that started within its {@code p1Within} of the last deployment
     * finishing there asks for that deployment's rollback; anything else is IGNORED (no P1 rule, not a P1, no
     * deployment finished there soon enough before it, asked before).
     */
    public Outcome incidentOpened(NewIncident incident) {
        if (!"P1".equals(incident.priority())) {
            return Outcome.IGNORED;
        }
        var policy = policy(incident.service(), incident.environment());
        if (policy.p1Within() == null) {
            return Outcome.IGNORED;
        }
        var last = deployments.lastFinishedBy(incident.service(), incident.environment(), incident.startedAt());
        if (last.isEmpty()) {
            return Outcome.IGNORED;
        }
        var undone = last.get();
        var after = Duration.between(Objects.requireNonNull(undone.finishedAt()), incident.startedAt());
        if (!policy.p1Covers(after) || rollbacks.decided(incident.incidentId(), undone.id())) {
            return Outcome.IGNORED;
        }
        return propose(incident.incidentId(), AskedBy.P1_POLICY, undone,
                "P1 incident " + incident.incidentId() + " started " + Deployment.human(after) + " after deployment "
                        + undone.id() + " (" + undone.version() + ") finished in " + undone.environment()
                        + ", within the " + Deployment.human(Objects.requireNonNull(policy.p1Within()))
                        + " of its incident rollback policy",
                "incident " + incident.incidentId() + " (P1 policy of " + incident.environment() + ")");
    }

    private Outcome propose(UUID incidentId, AskedBy askedBy, Deployment undone, String reason, String requestedBy) {
        var automatic = policy(undone.service(), undone.environment()).automatic();
        try {
            var rollback = rollBack.rollBackLive(Rollback.forIncident(undone.id(), clip(reason), incidentId,
                    automatic), requestedBy);
            rollbacks.save(IncidentRollback.planned(incidentId, askedBy, rollback));
            return Outcome.PLANNED;
        } catch (RuleViolationException refused) { // thrown before anything was written
            rollbacks.save(IncidentRollback.declined(incidentId, undone.id(), undone.service(), undone.environment(),
                    askedBy, Objects.requireNonNullElse(refused.getMessage(), "refused"), now()));
            return Outcome.DECLINED;
        }
    }

    private IncidentRollbackPolicy policy(String service, String environment) {
        return services.byName(service).flatMap(s -> s.environment(environment))
                .map(e -> e.incidentRollback()).orElse(IncidentRollbackPolicy.NONE);
    }

    private static String clip(String reason) {
        return reason.length() <= Rollback.REASON_LENGTH ? reason
                : reason.substring(0, Rollback.REASON_LENGTH - 1) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
