package io.passerelle.releaseservice.gate;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.port.PipelineGates;
import io.passerelle.releaseservice.gate.port.CallbackSender;
import io.passerelle.releaseservice.gate.port.GateCallbacks;
import io.passerelle.releaseservice.gate.port.Gates;

/**
 * The change behind a pipeline's deployment was decided (in the transaction that applies it to the deployment): its
 * gate is decided the same way, gate.decided.v1 is published (every instance wakes its waiting requests with it),
 * and the decision is scheduled for the gate's callback URL, if it has one.
 */
public final class DecideGate implements PipelineGates {

    private final Gates gates;
    private final GateCallbacks callbacks;
    private final CallbackSender sender;

    public DecideGate(Gates gates, GateCallbacks callbacks, CallbackSender sender) {
        this.gates = gates;
        this.callbacks = callbacks;
        this.sender = sender;
    }

    @Override
    public void allowed(Deployment deployment, Instant at) {
        decide(deployment, at, gate -> gate.allow(Objects.requireNonNull(deployment.changeId()), at));
    }

    @Override
    public void refused(Deployment deployment, Instant at) {
        decide(deployment, at, gate -> gate.refuse(Objects.requireNonNull(deployment.changeId()),
                Objects.requireNonNull(deployment.reason()), at));
    }

    @Override
    public void held(Deployment deployment, UUID changeId, String reason, Instant until, Instant at) {
        decide(deployment, at, gate -> gate.hold(changeId, reason, until, at));
    }

    private void decide(Deployment deployment, Instant at, Predicate<Gate> decision) {
        var gate = gates.lockByDeployment(deployment.id()).orElseThrow(() ->
                new IllegalStateException("deployment " + deployment.id() + " is carried out by a pipeline but has no gate"));
        if (!decision.test(gate)) {
            return;
        }
        gates.save(gate);
        if (gate.callback() != null) {
            callbacks.schedule(gate.decided(), at);
            sender.sendAfterCommit();
        }
    }
}
