package io.passerelle.integration.executor;

import java.time.Duration;
import java.time.Instant;

/**
 * Retries across attempts, one HTTP call per claim: a retryable failure comes back after an exponential backoff
 * until {@code maxAttempts} calls were made; a final answer fails at once; an open circuit is not an attempt and
 * is waited out (after the breaker's wait) until {@code giveUpAfter} since the request. A pure function.
 */
public final class RetryPolicy {

    /** Appended to the failures so far once two attempts failed differently. */
    static final String MIXED = " (earlier attempts failed otherwise)";

    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;

    public RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff, Duration giveUpAfter) {
        if (maxAttempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0 || !giveUpAfter.isPositive()) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1, 0 <= backoff <= maxBackoff and a"
                    + " positive give-up delay");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.giveUpAfter = giveUpAfter;
    }

    public Decision decide(Claim claim, CallOutcome outcome, Instant now) {
        return switch (outcome) {
            case CallOutcome.Accepted accepted -> new Decision.Dispatched(claim.attempts() + 1);
            case CallOutcome.Refused refused -> new Decision.Failed(claim.attempts() + 1, "deploy target "
                    + refused.what() + " (not retried: only I/O errors, timeouts, 5xx and 429 are)");
            case CallOutcome.Unavailable unavailable -> unavailable(claim, unavailable.what(), now);
            case CallOutcome.CircuitOpen open -> circuitOpen(claim, open, now);
            case CallOutcome.NotCalled notCalled -> new Decision.Failed(claim.attempts(), notCalled.reason());
        };
    }

    private Decision unavailable(Claim claim, String what, Instant now) {
        int attempts = claim.attempts() + 1;
        boolean sameEachTime = claim.failures() == null || claim.failures().equals(what);
        if (attempts >= maxAttempts) {
            return new Decision.Failed(attempts, attempts == 1 ? "deploy target " + what + " on its only attempt"
                    : sameEachTime ? "deploy target " + what + " on each of " + attempts + " attempts"
                    : "deploy target failed on each of " + attempts + " attempts; the last time it " + what);
        }
        return new Decision.Retry(attempts, now.plus(backoffAfter(attempts)), sameEachTime ? what : what + MIXED);
    }

    private Decision circuitOpen(Claim claim, CallOutcome.CircuitOpen open, Instant now) {
        var deadline = claim.requestedAt().plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return new Decision.Failed(claim.attempts(), "circuit breaker for " + open.breaker() + " open for "
                    + human(giveUpAfter) + " since the request"
                    + (claim.attempts() == 0 ? ": the target was never called"
                            : "; before that, the target " + claim.failures()));
        }
        var wait = open.retryIn().isPositive() ? open.retryIn() : backoffAfter(1);
        var next = now.plus(wait);
        return new Decision.Retry(claim.attempts(), next.isBefore(deadline) ? next : deadline, claim.failures());
    }

    /** 200 ms, 400 ms, 800 ms, … (from {@code backoff}, doubling), capped at {@code maxBackoff}. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(attempts - 1, 30);
        var wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }

    static String human(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
