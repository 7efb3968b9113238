package io.passerelle.releaseservice.gate;

/**
 * What a gate says to its pipeline. PENDING until the change behind it is decided; ALLOWED (the change is authorized:
 * deploy, then report the outcome) and REFUSED (the change was rejected, with the reason) are final. The API also
 * names HELD (authorized, but held by a freeze window until a given time), which comes with change-service's
 * {@code change.held.v1}; it is not produced yet.
 */
public enum GateDecision {
    PENDING, ALLOWED, REFUSED;

    /** Decided for good: a waiting request answers at once. */
    public boolean isFinal() {
        return this == ALLOWED || this == REFUSED;
    }
}
