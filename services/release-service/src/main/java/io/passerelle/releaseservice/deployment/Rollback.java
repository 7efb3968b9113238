package io.passerelle.releaseservice.deployment;

import java.util.UUID;

/**
 * What makes a deployment a rollback: the deployment it undoes ({@code of}), by putting back the release that succeeded
 * in that environment before it; why; and whether its change is an emergency (an incident asks for it).
 */
public record Rollback(UUID of, String reason, boolean emergency) {

    static final int REASON_LENGTH = 2000;

    public Rollback {
        if (reason.isBlank() || reason.length() > REASON_LENGTH) {
            throw new IllegalArgumentException("a rollback needs a reason of 1 to " + REASON_LENGTH + " characters");
        }
    }
}
