package io.passerelle.releaseservice.deployment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What makes a deployment a rollback: the deployment it undoes ({@code of}), by putting back the release that succeeded
 * in that environment before it; why; whether its change is an emergency (an incident asks for it); the incident that
 * asked for it, if one did; and whether the environment's incident rollback policy authorizes its change at once
 * ({@code automatic}, only for a rollback an incident asked for, always an emergency).
 */
public record Rollback(UUID of, String reason, boolean emergency, @Nullable UUID incidentId, boolean automatic) {

    static final int REASON_LENGTH = 2000;

    public Rollback {
        if (reason.isBlank() || reason.length() > REASON_LENGTH) {
            throw new IllegalArgumentException("a rollback needs a reason of 1 to " + REASON_LENGTH + " characters");
        }
        if (automatic && (incidentId == null || !emergency)) {
            throw new IllegalArgumentException("only an emergency rollback an incident asked for is authorized by"
                    + " the environment's policy");
        }
    }

    /** A rollback a person asked for. */
    public Rollback(UUID of, String reason, boolean emergency) {
        this(of, reason, emergency, null, false);
    }

    /** The emergency rollback incident {@code incidentId} asked for, authorized at once when {@code automatic}. */
    static Rollback forIncident(UUID of, String reason, UUID incidentId, boolean automatic) {
        return new Rollback(of, reason, true, incidentId, automatic);
    }
}
