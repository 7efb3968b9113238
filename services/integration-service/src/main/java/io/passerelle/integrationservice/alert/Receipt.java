package io.passerelle.integrationservice.alert;

/**
 * What became of a notification's alerts: {@code accepted} became events, {@code unattributed} of them without a
 * service and environment; {@code skipped} could not be read (no fingerprint, not firing or resolved, or without the
 * timestamp their status needs). {@code duplicate}: the same notification was received a moment ago, and nothing was
 * published again.
 */
public record Receipt(int accepted, int unattributed, int skipped, boolean duplicate) {

    static Receipt duplicateOfEarlier() {
        return new Receipt(0, 0, 0, true);
    }
}
