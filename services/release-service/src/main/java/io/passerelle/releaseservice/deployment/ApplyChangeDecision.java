package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.PipelineGates;

/**
 * The change of a planned deployment was raised, then decided: authorized sends it to its deploy target (or lets its
 * pipeline deploy), rejected cancels it; the gate of a pipeline's deployment is decided in the same transaction. A
 * message about a deployment that is unknown or no longer planned (a duplicate, a late decision) changes nothing:
 * {@link Outcome#IGNORED}.
 */
public final class ApplyChangeDecision {

    private final Deployments deployments;
    private final PipelineGates gates;
    private final Clock clock;

    public ApplyChangeDecision(Deployments deployments, PipelineGates gates, Clock clock) {
        this.deployments = deployments;
        this.gates = gates;
        this.clock = clock;
    }

    /** The change behind the deployment exists: it is recorded, decided or not. */
    public Outcome raised(UUID deploymentId, UUID changeId) {
        return Outcome.of(deployments.change(deploymentId, d -> d.changeRaised(changeId)));
    }

    public Outcome authorized(UUID deploymentId, UUID changeId) {
        var at = now();
        return apply(deploymentId, d -> d.authorize(changeId, at), d -> gates.allowed(d, at));
    }

    public Outcome rejected(UUID deploymentId, UUID changeId, String reason) {
        var at = now();
        return apply(deploymentId, d -> d.cancel(changeId, reason, at), d -> gates.refused(d, at));
    }

    /**
     * The change was authorized but freeze windows hold it until {@code until}: the deployment stays PLANNED (its
     * change.authorized.v1 follows when the freeze ends); the gate of a pipeline's deployment says HELD.
     */
    public Outcome held(UUID deploymentId, UUID changeId, String reason, Instant until) {
        var deployment = deployments.lock(deploymentId);
        if (deployment.isEmpty() || deployment.get().state() != DeploymentState.PLANNED) {
            return Outcome.IGNORED;
        }
        if (deployment.get().executor() == Executor.PIPELINE) {
            gates.held(deployment.get(), changeId, reason, until, now());
        }
        return Outcome.APPLIED;
    }

    private Outcome apply(UUID deploymentId, Predicate<Deployment> transition,
            Consumer<Deployment> gate) {
        var deployment = deployments.lock(deploymentId);
        if (deployment.isEmpty() || !transition.test(deployment.get())) {
            return Outcome.IGNORED;
        }
        deployments.save(deployment.get());
        if (deployment.get().executor() == Executor.PIPELINE) {
            gate.accept(deployment.get());
        }
        return Outcome.APPLIED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public enum Outcome {
        APPLIED, IGNORED;

        static Outcome of(boolean applied) {
            return applied ? APPLIED : IGNORED;
        }
    }
}
