package io.passerelle.incidentservice.incident;

/** ITIL impact (how much is affected) or urgency (how fast it must be fixed). */
public enum Level {
    HIGH, MEDIUM, LOW
}
