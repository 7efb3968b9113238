package io.passerelle.incidentservice.incident;

/**
 * Where an incident is in its life: {@code NEW → ACKNOWLEDGED → IN_PROGRESS ⇄ ON_HOLD → RESOLVED → CLOSED}, and
 * RESOLVED back to IN_PROGRESS when it is reopened within the reopen period. Any open state may resolve (the alert
 * cleared, or a person restored the service); CLOSED is final.
 */
public enum State {
    /** Opened; nobody has acknowledged it yet. */
    NEW,
    /** Someone on call or at the service desk has seen it and owns it. */
    ACKNOWLEDGED,
    /** Being worked on. */
    IN_PROGRESS,
    /** Waiting on something outside (a vendor, a user, a maintenance slot); the reason says what. */
    ON_HOLD,
    /** Service restored; it may still be reopened within the reopen period. */
    RESOLVED,
    /** Final: nothing changes any more. */
    CLOSED;

    /**
     * Whether the incident is still open: NEW, ACKNOWLEDGED, IN_PROGRESS or ON_HOLD. An open incident is the one an
     * alert's repeats join (at most one per fingerprint), whose suspects may change, and that counts as ongoing.
     */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
