package io.passerelle.integrationservice.executor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What becomes of a claimed outbound call after an attempt (a dispatch, a GitHub review): its next state. */
public sealed interface Decision {

    int attempts();

    /** The callee accepted it (a dispatch becomes DISPATCHED, a review ANSWERED). */
    record Dispatched(int attempts) implements Decision {
    }

    /** Back to PENDING until {@code nextAttemptAt}; {@code failures} says how the attempts failed so far. */
    record Retry(int attempts, Instant nextAttemptAt, @Nullable String failures) implements Decision {
    }

    /** FAILED, for good (a new request for the deployment may try again). */
    record Failed(int attempts, String reason) implements Decision {
    }
}
