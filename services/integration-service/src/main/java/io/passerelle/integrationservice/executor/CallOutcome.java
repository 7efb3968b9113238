package io.passerelle.integrationservice.executor;

import java.time.Duration;

/**
 * What one attempt at an outbound call came to: to a deploy target, or to GitHub (a review). {@code what} reads
 * after the callee's name ("deploy target …", "GitHub …").
 */
public sealed interface CallOutcome {

    /** How metrics name this outcome ({@code outcome} tag of the call counters). */
    default String tag() {
        return switch (this) {
            case Accepted accepted -> "accepted";
            case Refused refused -> "refused";
            case Unavailable unavailable -> "unavailable";
            case CircuitOpen open -> "circuit-open";
            case NotCalled notCalled -> "not-called";
            case Withdrawn withdrawn -> "withdrawn";
            case AttemptsUsedUp usedUp -> "attempts-used-up";
        };
    }

    /** The callee answered 2xx. */
    record Accepted(int status) implements CallOutcome {
    }

    /** A final answer: any 4xx but 429, a 3xx (redirects are not followed), or a call that cannot work. */
    record Refused(String what) implements CallOutcome {
    }

    /** Worth another attempt: an I/O error or a timeout, 5xx, 429, a name that does not resolve (now). */
    record Unavailable(String what) implements CallOutcome {
    }

    /**
     * The target's circuit breaker refused the call: the target was not called, so it is not an attempt.
     * {@code retryIn}: how long the breaker stays open still (zero when it is half-open or cannot say).
     */
    record CircuitOpen(String breaker, Duration retryIn) implements CallOutcome {
    }

    /**
     * The call could not be made and never will be (no secret to sign with, a target the outbound guard refuses):
     * not an attempt, and final.
     */
    record NotCalled(String reason) implements CallOutcome {
    }

    /**
     * Not called because the claim no longer held when the call was about to start (the deployment's outcome was
     * reported meanwhile, or the lease passed to another claimer): there is nothing to record.
     */
    record Withdrawn() implements CallOutcome {
    }

    /**
     * Not called because every allowed attempt was made already, the answer to the last one lost (the dispatcher
     * stopped during the call): the deployment's outcome is awaited instead.
     */
    record AttemptsUsedUp() implements CallOutcome {
    }
}
