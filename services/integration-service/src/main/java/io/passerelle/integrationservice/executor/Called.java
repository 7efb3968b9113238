package io.passerelle.integrationservice.executor;

/** A call to an executor's vendor: its answer, read into a value, or why there is none. */
public sealed interface Called<T> {

    record Answered<T>(T value) implements Called<T> {
    }

    /** Not called, or not answered usefully: never {@link CallOutcome.Accepted}. */
    record NotAnswered<T>(CallOutcome outcome) implements Called<T> {
    }
}
