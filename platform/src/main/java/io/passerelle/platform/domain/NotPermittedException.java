package io.passerelle.platform.domain;

/**
 * Thrown when a rule of the domain, not the caller's token alone, refuses what the caller asks (an approval policy
 * that does not name the approver's roles); answered like any refusal by role: 403, problem type {@code forbidden}.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
