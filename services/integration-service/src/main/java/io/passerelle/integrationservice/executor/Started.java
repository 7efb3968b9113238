package io.passerelle.integrationservice.executor;

import org.jspecify.annotations.Nullable;

/**
 * What asking an executor's vendor to deploy came to, and when it accepted, the reference to follow the deployment
 * by there (an Argo CD operation, a GitHub deployment id, a Jenkins queue item, an AWX job).
 *
 * @param reference present exactly when {@code outcome} is {@link CallOutcome.Accepted}
 */
public record Started<R>(CallOutcome outcome, @Nullable R reference) {

    public Started {
        if ((outcome instanceof CallOutcome.Accepted) != (reference != null)) {
            throw new IllegalArgumentException("a reference comes with an accepted call, and only with one");
        }
    }

    public static <R> Started<R> accepted(int status, R reference) {
        return new Started<>(new CallOutcome.Accepted(status), reference);
    }

    /** A start made through {@link VendorCalls#run}: what it answered, or why it did not. */
    public static <R> Started<R> of(Called<Started<R>> called) {
        return switch (called) {
            case Called.Answered<Started<R>> answered -> answered.value();
            case Called.NotAnswered<Started<R>> notAnswered -> new Started<>(notAnswered.outcome(), null);
        };
    }
}
