package io.passerelle.integration.executor;

import java.time.Clock;
import java.util.UUID;

/**
 * A deployment's outcome is known (its target reported it to release-service): its dispatch is SETTLED, whatever
 * state it was in, and nothing more is sent for it, even if an earlier attempt's answer was lost and its lease
 * expires later. A dispatch already settled, or none at all, is left as it is.
 */
public final class SettleDispatch {

    private final Dispatches dispatches;
    private final Clock clock;

    public SettleDispatch(Dispatches dispatches, Clock clock) {
        this.dispatches = dispatches;
        this.clock = clock;
    }

    /** @return false when there was nothing to settle */
    public boolean settle(UUID deploymentId, DeploymentOutcome outcome) {
        return dispatches.recordOutcome(deploymentId, outcome, clock.instant());
    }
}
