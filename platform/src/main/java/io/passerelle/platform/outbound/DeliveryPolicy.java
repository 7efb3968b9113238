package io.passerelle.platform.outbound;

import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.core.IntervalFunction;

/**
 * When an outbox row (a CDEvent, a chat message) that could not be delivered is tried again: after {@code backoff},
 * doubling per attempt up to {@code maxBackoff} (Resilience4j's exponential interval), until {@code maxAttempts}
 * deliveries were tried — then the row is left failed, with its reason, for an operator to see. A broker is never given up on ({@code maxAttempts} 0).
 */
public record DeliveryPolicy(Duration backoff, Duration maxBackoff, int maxAttempts) {

    public DeliveryPolicy {
        if (!backoff.isPositive() || maxBackoff.compareTo(backoff) < 0 || maxAttempts < 0) {
            throw new IllegalArgumentException("a delivery policy needs 0 < backoff <= max-backoff, max-attempts >= 0");
        }
    }

    /** After the {@code attempts}-th attempt failed: when to try again, or null to give up. */
    public @org.jspecify.annotations.Nullable Instant nextAttempt(int attempts, Instant now) {
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            return null;
        }
        var interval = IntervalFunction.ofExponentialBackoff(backoff.toMillis(), 2.0, maxBackoff.toMillis());
        return now.plusMillis(interval.apply(Math.max(1, attempts)));
    }
}
