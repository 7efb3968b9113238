package io.passerelle.incidentservice.problem;

/**
 * NEW → UNDER_INVESTIGATION → KNOWN_ERROR → RESOLVED → CLOSED; UNDER_INVESTIGATION may also be RESOLVED directly,
 * and any state but CLOSED may close as a duplicate of another problem (ADR 0019).
 */
public enum ProblemState {
    NEW, UNDER_INVESTIGATION, KNOWN_ERROR, RESOLVED, CLOSED
}
