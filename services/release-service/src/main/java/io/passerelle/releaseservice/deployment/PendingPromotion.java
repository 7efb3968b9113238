package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A release that succeeded in {@code fromEnvironment} at {@code succeededAt} and waits to be promoted into
 * {@code environment}: until {@code dueAt} has passed without a new incident there (SOAK), or for a release manager
 * (MANUAL).
 */
public record PendingPromotion(UUID releaseId, String service, String fromEnvironment, String environment,
        Instant succeededAt, Mode mode, @Nullable Instant dueAt) {

    public enum Mode { SOAK, MANUAL }

    public PendingPromotion {
        if ((mode == Mode.SOAK) != (dueAt != null)) {
            throw new IllegalArgumentException("a promotion is due at a time exactly when it soaks");
        }
    }
}
