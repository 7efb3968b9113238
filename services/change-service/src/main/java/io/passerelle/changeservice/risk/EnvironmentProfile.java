package io.passerelle.changeservice.risk;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What change enablement knows about an environment beyond the catalog: how critical it is and, optionally, its
 * business hours. Declared by change managers; an environment nobody declared is {@link #undeclared} (MEDIUM, no
 * business hours).
 */
public record EnvironmentProfile(String environment, Criticality criticality, @Nullable WeeklyHours businessHours,
        @Nullable String definedBy, @Nullable Instant definedAt) {

    public EnvironmentProfile {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(criticality, "criticality");
    }

    /** The profile of an environment nobody declared: MEDIUM, no business hours. */
    public static EnvironmentProfile undeclared(String environment) {
        return new EnvironmentProfile(environment, Criticality.MEDIUM, null, null, null);
    }

    public boolean declared() {
        return definedBy != null;
    }
}
