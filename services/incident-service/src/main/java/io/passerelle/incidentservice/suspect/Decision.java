package io.passerelle.incidentservice.suspect;

import java.time.Instant;
import java.util.Objects;

/** What a person decided about a suspect deployment: the cause of the incident, or not; who, when and why. */
public record Decision(Verdict verdict, String by, Instant at, String reason) {

    /** Confirmed as (one of) the incident's causes, or dismissed. */
    public enum Verdict {
        CONFIRMED, DISMISSED
    }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
