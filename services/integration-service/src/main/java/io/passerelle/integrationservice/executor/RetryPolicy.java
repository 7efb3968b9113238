package io.passerelle.integrationservice.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

import io.github.resilience4j.core.IntervalFunction;

/**
 * Retries across attempts, one HTTP call per claim, waiting as Resilience4j's exponential {@link IntervalFunction}
 * says (the schedule itself is the outbox row's {@code next_attempt_at}, so it survives restarts); shared by every outbound call made from an outbox table (the
 * deploy dispatcher, the GitHub reviews), each with its own settings and the name of whom it calls. An attempt is a call that was started (counted before it is
 * sent, so a call whose answer was lost counts too): a retryable failure comes back after an exponential backoff
 * until {@code maxAttempts} calls were made; a final answer fails at once. A deployment fails only for what its own
 * calls showed: a call refused by the target's circuit breaker is not an attempt, and the dispatch comes back when
 * the breaker can admit it (the time it stays open still, plus jitter so that waiting deployments do not return
 * all at once), until {@code giveUpAfter} since the request — and then the reason says so, with how many calls
 * this deployment made. A pure function (its jitter is drawn from the claim's id and the time).
 */
public final class RetryPolicy {

    /** Appended to the failures so far once two attempts failed differently. */
    static final String MIXED = " (earlier attempts failed otherwise)";

    private final int maxAttempts;
    private final Duration backoff;
    /** Resilience4j's exponential backoff: {@code backoff}, doubling, capped at {@code maxBackoff}. */
    private final IntervalFunction backoffs;
    private final Duration giveUpAfter;
    private final String callee;

    /** The deploy dispatcher's policy: reasons read "deploy target …". */
    public RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff, Duration giveUpAfter) {
        this(maxAttempts, backoff, maxBackoff, giveUpAfter, "deploy target");
    }

    /** @param callee whom the calls go to, as reasons name it ("deploy target", "GitHub") */
    public RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff, Duration giveUpAfter, String callee) {
        if (maxAttempts < 1 || backoff.toMillis() < 1 || maxBackoff.compareTo(backoff) < 0 || !giveUpAfter.isPositive()) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1, 1 ms <= backoff <= maxBackoff and"
                    + " a positive give-up delay");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.backoffs = IntervalFunction.ofExponentialBackoff(backoff, 2.0, maxBackoff);
        this.giveUpAfter = giveUpAfter;
        this.callee = callee;
    }

    /** Whether every allowed call was made already (the claim is one whose last answer was lost). */
    public boolean attemptsUsedUp(Attempted claim) {
        return claim.attempts() >= maxAttempts;
    }

    public Decision decide(Attempted claim, CallOutcome outcome, Instant now) {
        return switch (outcome) {
            case CallOutcome.Accepted accepted -> new Decision.Dispatched(claim.attempts() + 1);
            case CallOutcome.Refused refused -> new Decision.Failed(claim.attempts() + 1, callee + " "
                    + refused.what() + " (not retried: only I/O errors, timeouts, 5xx and 429 are)");
            case CallOutcome.Unavailable unavailable -> unavailable(claim, unavailable.what(), now);
            case CallOutcome.CircuitOpen open -> circuitOpen(claim, open, now);
            case CallOutcome.NotCalled notCalled -> new Decision.Failed(claim.attempts(), notCalled.reason());
            case CallOutcome.AttemptsUsedUp usedUp -> answerLost(claim, now);
            case CallOutcome.Withdrawn withdrawn ->
                    throw new IllegalArgumentException("a withdrawn claim has nothing to decide");
        };
    }

    private Decision unavailable(Attempted claim, String what, Instant now) {
        int attempts = claim.attempts() + 1;
        boolean sameEachTime = claim.failures() == null || claim.failures().equals(what);
        if (attempts >= maxAttempts) {
            return new Decision.Failed(attempts, attempts == 1 ? callee + " " + what + " on its only attempt"
                    : sameEachTime ? callee + " " + what + " on each of " + attempts + " attempts"
                    : callee + " failed on each of " + attempts + " attempts; the last time it " + what);
        }
        return new Decision.Retry(attempts, now.plus(backoffAfter(attempts)), sameEachTime ? what : what + MIXED);
    }

    private Decision circuitOpen(Attempted claim, CallOutcome.CircuitOpen open, Instant now) {
        var deadline = deadline(claim);
        if (!now.isBefore(deadline)) {
            return new Decision.Failed(claim.attempts(), "circuit breaker for " + open.breaker() + " still open "
                    + human(giveUpAfter) + " after the request (it opens on failed calls to that target, for any"
                    + " deployment): " + (claim.attempts() == 0 ? "this deployment's target was never called"
                            : "this deployment made " + claim.attempts() + " of its " + maxAttempts + " allowed calls"
                                    + (claim.failures() == null ? "" : "; the target " + claim.failures())));
        }
        var wait = open.retryIn().isPositive() ? open.retryIn() : backoffAfter(1);
        var next = now.plus(wait).plus(jitter(claim.id(), now, wait));
        return new Decision.Retry(claim.attempts(), next.isBefore(deadline) ? next : deadline, claim.failures());
    }

    /** The last allowed call's answer was lost: the outcome is awaited until the give-up time, never called again. */
    private Decision answerLost(Attempted claim, Instant now) {
        var deadline = deadline(claim);
        if (now.isBefore(deadline)) {
            return new Decision.Retry(claim.attempts(), deadline, claim.failures());
        }
        return new Decision.Failed(claim.attempts(), "the answer to the last of " + calls(claim.attempts())
                + " was lost (integration-service stopped during the call) and no outcome was reported within "
                + human(giveUpAfter) + " of the request"
                + (claim.failures() == null ? "" : "; before that, the target " + claim.failures()));
    }

    private Instant deadline(Attempted claim) {
        return claim.requestedAt().plus(giveUpAfter);
    }

    /** 200 ms, 400 ms, 800 ms, … (from {@code backoff}, doubling), capped at {@code maxBackoff}. */
    Duration backoffAfter(int attempts) {
        return Duration.ofMillis(backoffs.apply(attempts));
    }

    /**
     * Up to a fifth of the wait (at least up to one backoff), drawn from the claim's id and the time: claims
     * refused together come back spread out, and the same inputs always give the same jitter.
     */
    Duration jitter(UUID id, Instant now, Duration wait) {
        long bound = Math.max(wait.toMillis() / 5, backoff.toMillis());
        if (bound <= 0) {
            return Duration.ZERO;
        }
        var random = new SplittableRandom(id.getMostSignificantBits() ^ id.getLeastSignificantBits()
                ^ now.toEpochMilli());
        return Duration.ofMillis(random.nextLong(bound));
    }

    private static String calls(int attempts) {
        return attempts == 1 ? "1 call" : attempts + " calls";
    }

    static String human(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
