package io.passerelle.incidentservice.problem;

import java.time.Instant;

/** Who took a problem through a step of its lifecycle, and when. */
public record Step(String by, Instant at) {
}
