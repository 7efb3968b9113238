package io.passerelle.releaseservice.gate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.gate.port.Gates;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline that opened an allowed gate reports how its deployment went, once. The deployment succeeds or fails
 * through its own transitions, which publish deployment.succeeded.v1 or deployment.failed.v1 exactly as a deploy
 * target's report does (change-service closes the change or sends it to review; incident-service records the
 * deployment). Nothing is promoted: a pipeline opens the gate of its next environment itself.
 */
public final class ReportGateOutcome {

    static final String DEFAULT_FAILURE = "the pipeline reported a failure";

    private final Gates gates;
    private final Deployments deployments;
    private final Clock clock;

    public ReportGateOutcome(Gates gates, Deployments deployments, Clock clock) {
        this.gates = gates;
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * @return the gate with its outcome
     * @throws NotFoundException when there is no such gate
     * @throws io.passerelle.platform.domain.NotPermittedException when {@code client} did not open it
     * @throws io.passerelle.platform.domain.RuleViolationException (conflict) unless it is ALLOWED and unreported
     */
    public Gate report(UUID gateId, String client, GateOutcome outcome, @Nullable String reason) {
        var found = gates.byId(gateId).orElseThrow(() -> new NotFoundException("gate", gateId));
        if (!found.isOpenedBy(client)) {
            throw ReadGate.notOpenedBy(gateId);
        }
        // the deployment first, then its gate: the order in which a change decision locks them
        var deployment = deployments.lock(found.deploymentId()).orElseThrow(() ->
                new IllegalStateException("deployment " + found.deploymentId() + " of gate " + gateId + " is missing"));
        gates.lock(gateId).orElseThrow().requireOutcomeAllowed();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean changed = switch (outcome) {
            case SUCCEEDED -> deployment.succeed(now);
            case FAILED -> deployment.fail(reason == null || reason.isBlank() ? DEFAULT_FAILURE : reason, now);
        };
        if (!changed) {
            throw new IllegalStateException("deployment " + deployment.id() + " of allowed gate " + gateId
                    + " was already " + deployment.state());
        }
        deployments.save(deployment);
        return gates.byId(gateId).orElseThrow();
    }
}
