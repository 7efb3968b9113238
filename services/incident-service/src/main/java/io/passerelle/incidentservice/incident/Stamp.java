package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.Objects;

/** When and by whom something was done to an incident (acknowledged, resolved, closed). */
public record Stamp(Instant at, String by) {

    public Stamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
