package io.passerelle.integrationservice.executor;

import java.time.Clock;
import java.util.Optional;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.port.DeployTarget;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;

/**
 * One attempt at a claimed dispatch, in two steps the dispatcher keeps apart: {@link #call} (the HTTP call, outside
 * any transaction; the attempt is counted just before it is sent) and {@link #settle} (the next state and its event,
 * in one short transaction). A crash in between leaves the row IN_FLIGHT until its lease expires, and it is sent
 * again unless the deployment's outcome was reported meanwhile or no attempt is left: at-least-once, targets
 * deduplicate on {@code Idempotency-Key}. An accepted request publishes nothing (the deployment is underway since its
 * authorization; its outcome comes on the callback); one that failed for good is the deployment's outcome, FAILED
 * ({@link DeploymentOutcomeReported}, source {@code dispatch}).
 */
public final class AttemptDispatch {

    private final CatalogedServices catalog;
    private final DeployTarget target;
    private final Dispatches dispatches;
    private final EventPublisher events;
    private final RetryPolicy policy;
    private final SecretSealer sealer;
    private final Clock clock;

    public AttemptDispatch(CatalogedServices catalog, DeployTarget target, Dispatches dispatches,
            EventPublisher events, RetryPolicy policy, SecretSealer sealer, Clock clock) {
        this.catalog = catalog;
        this.target = target;
        this.dispatches = dispatches;
        this.events = events;
        this.policy = policy;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The signed call, with the secret the catalog holds now (a re-registration may have changed it). */
    public CallOutcome call(Claim claim) {
        if (policy.attemptsUsedUp(claim)) {
            return new CallOutcome.AttemptsUsedUp();
        }
        var service = catalog.byName(claim.service());
        if (service.isEmpty()) {
            return new CallOutcome.NotCalled("service '" + claim.service()
                    + "' is not in integration-service's catalog: no webhook secret to sign the call with");
        }
        return target.call(claim.targetUrl(), claim.deploymentId(), claim.body(), service.get().webhookSecret(sealer),
                () -> dispatches.startAttempt(claim, clock.instant()));
    }

    /**
     * @return the decision recorded, or empty when nothing was: the call was withdrawn, or the lease was lost (the
     *         deployment settled, or another instance has the dispatch)
     */
    public Optional<Decision> settle(Claim claim, CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Withdrawn) {
            return Optional.empty();
        }
        var now = clock.instant();
        var decision = policy.decide(claim, outcome, now);
        if (!dispatches.settle(claim, decision, now)) {
            return Optional.empty();
        }
        if (decision instanceof Decision.Failed failed) {
            events.publish(DeploymentOutcomeReported.dispatchFailed(claim.deploymentId(), claim.service(),
                    claim.environment(), claim.executor(), failed.reason(), now));
        }
        return Optional.of(decision);
    }
}
