package io.passerelle.incidentservice.incident;

/** How soon an incident must be dealt with, P1 first; {@link PriorityMatrix} derives it from impact and urgency. */
public enum Priority {
    P1, P2, P3, P4, P5
}
