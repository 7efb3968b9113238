package io.passerelle.changeservice.standardchange;

import java.time.Instant;
import java.util.Objects;

import io.passerelle.changeservice.risk.RiskAssessment;
import org.jspecify.annotations.Nullable;

/**
 * A change about to be raised, as template matching sees it: its service and environment, whether a green pipeline
 * raised it (a change raised by hand never matches), its live risk, whether a freeze window covers it now (and the
 * window's name, for people), and the instant it is raised.
 */
public record Candidate(String service, String environment, boolean raisedByPipeline, RiskAssessment risk,
        boolean inFreeze, @Nullable String freezeWindow, Instant at) {

    public Candidate {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(at, "at");
    }
}
