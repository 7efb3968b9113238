package io.passerelle.platform.domain;

/**
 * Thrown when a command breaks a business rule (a transition not allowed from the current state, a standard
 * change where approval is required); answered with 409 or 422 and never writes anything.
 */
public class RuleViolationException extends RuntimeException {

    private final Kind kind;

    public RuleViolationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RuleViolationException conflict(String message) {
        return new RuleViolationException(Kind.STATE_CONFLICT, message);
    }

    public static RuleViolationException unprocessable(String message) {
        return new RuleViolationException(Kind.UNPROCESSABLE, message);
    }

    /** STATE_CONFLICT: the target's current state forbids it (409); UNPROCESSABLE: the request itself is refused (422). */
    public enum Kind { STATE_CONFLICT, UNPROCESSABLE }
}
