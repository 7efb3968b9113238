package io.passerelle.integrationservice.executor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.integrationservice.executor.port.Executor;
import io.passerelle.platform.event.EventPublisher;

/**
 * One attempt at a claimed dispatch, in two steps the dispatcher keeps apart: {@link #call} (the executor's start,
 * outside any transaction; the attempt is counted just before it is sent) and {@link #settle} (the next state and
 * its event, in one short transaction). A crash in between leaves the row IN_FLIGHT until its lease expires, and it
 * is sent again unless the deployment's outcome was reported meanwhile or no attempt is left: at-least-once, targets
 * deduplicate on the deployment id. An accepted start publishes nothing (the deployment is underway since its
 * authorization; its outcome comes on the callback, a notification, or from watching it: {@link WatchDispatch});
 * one that failed for good is the deployment's outcome, FAILED ({@link DeploymentOutcomeReported}, source
 * {@code dispatch}).
 */
public final class AttemptDispatch {

    private final ExecutorRegistry executors;
    private final CallSecrets secrets;
    private final Dispatches dispatches;
    private final EventPublisher events;
    private final RetryPolicy policy;
    private final WatchPolicy watching;
    private final Clock clock;

    public AttemptDispatch(ExecutorRegistry executors, CallSecrets secrets, Dispatches dispatches,
            EventPublisher events, RetryPolicy policy, WatchPolicy watching, Clock clock) {
        this.executors = executors;
        this.secrets = secrets;
        this.dispatches = dispatches;
        this.events = events;
        this.policy = policy;
        this.watching = watching;
        this.clock = clock;
    }

    /** The start, with what the target is called with now (the catalog's secret, the target's credential). */
    public Executor.Start call(Claim claim) {
        if (policy.attemptsUsedUp(claim)) {
            return Executor.Start.of(new CallOutcome.AttemptsUsedUp());
        }
        var executor = executors.of(claim.executor());
        if (executor.isEmpty()) {
            return Executor.Start.of(new CallOutcome.NotCalled("deploy target type '" + claim.executor()
                    + "' is not supported (only " + executors.types() + ")"));
        }
        var secret = secrets.of(claim.target(), claim.service());
        if (secret.isEmpty()) {
            return Executor.Start.of(new CallOutcome.NotCalled(secrets.missing(claim.target(), claim.service())
                    .orElseThrow()));
        }
        return executor.get().start(claim.target(), claim.call(), secret.get(),
                () -> dispatches.startAttempt(claim, clock.instant()));
    }

    /**
     * @return the decision recorded, or empty when nothing was: the call was withdrawn, or the lease was lost (the
     *         deployment settled, or another instance has the dispatch)
     */
    public Optional<Decision> settle(Claim claim, Executor.Start start) {
        if (start.outcome() instanceof CallOutcome.Withdrawn) {
            return Optional.empty();
        }
        var now = clock.instant();
        var decision = policy.decide(claim, start.outcome(), now);
        var watched = decision instanceof Decision.Dispatched && start.reference() != null
                && executors.of(claim.executor()).map(Executor::watches).orElse(false);
        Instant checkAt = watched ? watching.nextCheck(0, now) : null;
        if (!dispatches.settle(claim, decision, start.reference(), checkAt, now)) {
            return Optional.empty();
        }
        if (decision instanceof Decision.Failed failed) {
            events.publish(DeploymentOutcomeReported.dispatchFailed(claim.deploymentId(), claim.service(),
                    claim.environment(), claim.executor(), failed.reason(), now));
        }
        return Optional.of(decision);
    }
}
