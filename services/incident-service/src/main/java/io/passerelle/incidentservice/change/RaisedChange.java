package io.passerelle.incidentservice.change;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change request as incident management needs to know it: its type and the risk score (0–100) change-service
 * assessed as it raised it (unknown for changes raised before risk was assessed).
 */
public record RaisedChange(UUID changeId, ChangeType type, @Nullable Integer riskScore) {

    public RaisedChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(type, "type");
        if (riskScore != null && (riskScore < 0 || riskScore > 100)) {
            throw new IllegalArgumentException("a risk score is 0-100, not " + riskScore);
        }
    }
}
