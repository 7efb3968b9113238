package io.passerelle.incidentservice.incident;

import java.util.Objects;

/** An incident's impact and urgency and the priority the matrix gives them. */
public record Rating(Level impact, Level urgency, Priority priority) {

    public Rating {
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(priority, "priority");
    }

    /** {@code P3 (impact MEDIUM, urgency MEDIUM)}. */
    @Override
    public String toString() {
        return priority + " (impact " + impact + ", urgency " + urgency + ")";
    }
}
