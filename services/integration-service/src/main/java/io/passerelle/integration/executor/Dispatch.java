package io.passerelle.integration.executor;

/** The outcome of calling a deploy target; {@code attempts} counts the HTTP calls actually made. */
public sealed interface Dispatch {

    int attempts();

    /** The target answered 2xx. */
    record Delivered(int attempts) implements Dispatch {
    }

    /** The target refused (4xx), kept failing (5xx, 429, I/O) until retries ran out, or its circuit is open. */
    record Failed(int attempts, String reason) implements Dispatch {
    }
}
