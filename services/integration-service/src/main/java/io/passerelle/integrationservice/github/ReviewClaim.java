package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Attempted;
import org.jspecify.annotations.Nullable;

/**
 * A review to send, claimed by this instance until {@code leaseUntil}: where ({@code callbackUrl}), as which App
 * installation, what ({@code review} for {@code environmentName}), how many attempts were made and how they failed.
 * The give-up time counts from {@code decidedAt}; {@code trace}: the trace the decision was handled in.
 */
public record ReviewClaim(UUID gateId, long installationId, String callbackUrl, String environmentName,
        Review review, int attempts, @Nullable String failures, Instant decidedAt, Instant leaseUntil,
        Map<String, String> trace) implements Attempted {

    public ReviewClaim {
        trace = Map.copyOf(trace);
    }

    @Override
    public UUID id() {
        return gateId;
    }

    @Override
    public Instant requestedAt() {
        return decidedAt;
    }
}
