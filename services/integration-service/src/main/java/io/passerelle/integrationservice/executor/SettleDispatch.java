package io.passerelle.integrationservice.executor;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.integrationservice.executor.port.Dispatches;

/**
 * A deployment's outcome is known (its target reported it to release-service): its dispatch is SETTLED, whatever
 * state it was in, and nothing more is sent for it, even if an earlier attempt's answer was lost and its lease
 * expires later. A dispatch already settled, or none at all, is left as it is.
 */
public final class SettleDispatch {

    public enum Outcome { SETTLED, NOTHING_TO_SETTLE }

    private final Dispatches dispatches;
    private final Clock clock;

    public SettleDispatch(Dispatches dispatches, Clock clock) {
        this.dispatches = dispatches;
        this.clock = clock;
    }

    public Outcome settle(UUID deploymentId, DeploymentOutcome outcome) {
        return dispatches.recordOutcome(deploymentId, outcome, clock.instant()) ? Outcome.SETTLED
                : Outcome.NOTHING_TO_SETTLE;
    }
}
