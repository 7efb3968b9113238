package io.passerelle.integrationservice.executor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What becomes of a claimed dispatch after an attempt: its next state. */
public sealed interface Decision {

    int attempts();

    /** DISPATCHED: the target accepted it. */
    record Dispatched(int attempts) implements Decision {
    }

    /** Back to PENDING until {@code nextAttemptAt}; {@code failures} says how the attempts failed so far. */
    record Retry(int attempts, Instant nextAttemptAt, @Nullable String failures) implements Decision {
    }

    /** FAILED, for good (a new request for the deployment may try again). */
    record Failed(int attempts, String reason) implements Decision {
    }
}
