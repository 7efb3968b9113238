package io.passerelle.releaseservice.gate;

/**
 * What a gate says to its pipeline. PENDING until the change behind it is decided; HELD while freeze windows hold the
 * authorized change (until {@code proceedAt}, when it becomes ALLOWED on its own); ALLOWED (the change is authorized:
 * deploy, then report the outcome) and REFUSED (the change was rejected, with the reason) are final.
 */
public enum GateDecision {
    PENDING, HELD, ALLOWED, REFUSED;

    /** Decided for good: a waiting request answers at once. */
    public boolean isFinal() {
        return this == ALLOWED || this == REFUSED;
    }
}
