package io.passerelle.integrationservice.github;

/**
 * No service holds the delivery's repository (yet): answered 422 so that GitHub shows the delivery as failed and it
 * can be redelivered once the registration has reached the intake (ADR 0022). Nothing is recorded.
 */
public class UnknownRepositoryException extends RuntimeException {

    UnknownRepositoryException(String message) {
        super(message);
    }
}
