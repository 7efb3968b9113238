package io.passerelle.integrationservice.executor;

/**
 * What an executor that follows its target saw of a started deployment ({@code Executor.observe}): still
 * running (with the reference to follow it by from now on), an outcome, or no answer worth reading this time.
 */
public sealed interface Observed {

    /** Not finished; {@code reference} is where to follow it from now on (a Jenkins queue item became a build). */
    record Running(String reference, String what) implements Observed {
    }

    record Succeeded() implements Observed {
    }

    /** A reason a release manager reads. */
    record Failed(String reason) implements Observed {
    }

    /**
     * The vendor was not asked or did not answer usefully ({@link CallOutcome.Unavailable},
     * {@link CallOutcome.CircuitOpen}: look again later; {@link CallOutcome.Refused}, {@link CallOutcome.NotCalled}:
     * it never will answer, the deployment fails).
     */
    record NotObserved(CallOutcome outcome) implements Observed {
    }
}
