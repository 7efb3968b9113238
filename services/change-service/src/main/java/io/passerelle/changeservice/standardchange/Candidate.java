package io.passerelle.changeservice.standardchange;

import java.time.Instant;
import java.util.Objects;

import io.passerelle.changeservice.risk.RiskAssessment;

/**
 * A change about to be raised, as template matching sees it: its service and environment, whether a green pipeline
 * raised it (a change raised by hand never matches), its live risk, and the instant it is raised. Freeze windows are
 * not a condition of matching: a freeze holds every change it covers, standard ones included, until it ends (the
 * change lifecycle does it), so that a matching pipeline change resumes on its own afterwards.
 */
public record Candidate(String service, String environment, boolean raisedByPipeline, RiskAssessment risk,
        Instant at) {

    public Candidate {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(at, "at");
    }
}
