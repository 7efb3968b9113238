package io.passerelle.integrationservice.executor;

import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.core.IntervalFunction;

/**
 * How often a started deployment is looked at: after {@code first}, then each wait {@code multiplier} times the one
 * before, at most {@code max} (Resilience4j's exponential {@link IntervalFunction}); a vendor that did not answer is
 * looked at again on the same schedule. Bounded by the deployment's deadline, after which nobody looks.
 */
public final class WatchPolicy {

    private final IntervalFunction intervals;

    public WatchPolicy(Duration first, double multiplier, Duration max) {
        if (!first.isPositive() || max.compareTo(first) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("watching needs 0 < first <= max and a multiplier of at least 1");
        }
        this.intervals = IntervalFunction.ofExponentialBackoff(first, multiplier, max);
    }

    /** When to look next, after {@code checks} looks. */
    public Instant nextCheck(int checks, Instant now) {
        return now.plusMillis(intervals.apply(checks + 1));
    }
}
