package io.passerelle.console.api;

/** A service did not answer, or failed (5xx): the page says so and nothing is retried behind the user's back. */
public final class ApiUnavailable extends RuntimeException {

    ApiUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    ApiUnavailable(String message) {
        super(message);
    }
}
