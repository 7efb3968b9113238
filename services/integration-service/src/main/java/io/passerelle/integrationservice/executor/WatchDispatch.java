package io.passerelle.integrationservice.executor;

import java.time.Clock;

import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.integrationservice.executor.port.Executor;

/**
 * Follows a started deployment whose executor watches its target (Argo CD, Jenkins, AWX), in two steps the watcher
 * keeps apart: {@link #look} (the vendor asked, outside any transaction) and {@link #settle} (in one short
 * transaction). Still running: looked at again later (Resilience4j backoff, {@link WatchPolicy}), by the reference
 * the vendor gave now. An outcome: taken like any other ({@link ReceiveDeploymentOutcome}, source {@code watch}):
 * once, before the deadline, unless one is known already. A vendor that did not answer is asked again later; one
 * that refuses to answer (a revoked token) fails the deployment, saying so.
 */
public final class WatchDispatch {

    /** What a look came to. */
    public enum Result { RUNNING, RECORDED, ALREADY_KNOWN, LOST }

    private final ExecutorRegistry executors;
    private final CallSecrets secrets;
    private final Dispatches dispatches;
    private final ReceiveDeploymentOutcome outcomes;
    private final WatchPolicy policy;
    private final Clock clock;

    public WatchDispatch(ExecutorRegistry executors, CallSecrets secrets, Dispatches dispatches,
            ReceiveDeploymentOutcome outcomes, WatchPolicy policy, Clock clock) {
        this.executors = executors;
        this.secrets = secrets;
        this.dispatches = dispatches;
        this.outcomes = outcomes;
        this.policy = policy;
        this.clock = clock;
    }

    public Observed look(Watch watch) {
        var executor = executors.of(watch.target().type()).filter(Executor::watches);
        if (executor.isEmpty()) {
            return new Observed.NotObserved(new CallOutcome.NotCalled("deploy target type '" + watch.target().type()
                    + "' is not followed by this service"));
        }
        var secret = secrets.of(watch.target(), watch.service());
        if (secret.isEmpty()) {
            return new Observed.NotObserved(new CallOutcome.NotCalled(secrets.missing(watch.target(),
                    watch.service()).orElseThrow()));
        }
        return executor.get().observe(watch.target(), watch.call(), watch.reference(), secret.get());
    }

    public Result settle(Watch watch, Observed observed) {
        var now = clock.instant();
        return switch (observed) {
            case Observed.Running running -> again(watch, running.reference());
            case Observed.Succeeded succeeded -> outcome(watch, DeploymentOutcome.SUCCEEDED, null);
            case Observed.Failed failed -> outcome(watch, DeploymentOutcome.FAILED, failed.reason());
            case Observed.NotObserved not -> switch (not.outcome()) {
                case CallOutcome.Refused refused -> outcome(watch, DeploymentOutcome.FAILED, watch.target().type()
                        + " " + refused.what() + " when asked where the deployment stands: it cannot be followed");
                case CallOutcome.NotCalled notCalled -> outcome(watch, DeploymentOutcome.FAILED, notCalled.reason());
                default -> again(watch, watch.reference());
            };
        };
    }

    private Result again(Watch watch, String reference) {
        var now = clock.instant();
        return dispatches.rewatch(watch, reference, policy.nextCheck(watch.checks() + 1, now), now) ? Result.RUNNING
                : Result.LOST;
    }

    private Result outcome(Watch watch, DeploymentOutcome outcome, @org.jspecify.annotations.Nullable String reason) {
        try {
            return outcomes.receive(watch.deploymentId(), ReceiveDeploymentOutcome.Report.observed(outcome, reason,
                    DeploymentOutcomeReported.Source.watch)) == ReceiveDeploymentOutcome.Result.RECORDED
                            ? Result.RECORDED : Result.ALREADY_KNOWN;
        } catch (CallbackRefusedException e) {
            return Result.ALREADY_KNOWN; // another outcome is known, or the deadline passed: release-service decides
        }
    }
}
