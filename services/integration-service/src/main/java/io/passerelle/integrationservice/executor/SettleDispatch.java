package io.passerelle.integrationservice.executor;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.integrationservice.executor.port.Dispatches;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's outcome is known to release-service (reported by the executor, or a timeout): its dispatch is
 * SETTLED, whatever
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

    /** @param reason why it failed (a timeout included); none for a success */
    public Outcome settle(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason) {
        return dispatches.recordOutcome(deploymentId, outcome, reason, null, clock.instant()) ? Outcome.SETTLED
                : Outcome.NOTHING_TO_SETTLE;
    }
}
