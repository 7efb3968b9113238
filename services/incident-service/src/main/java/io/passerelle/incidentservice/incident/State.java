package io.passerelle.incidentservice.incident;

/** An incident is OPEN until service is restored, then RESOLVED. */
public enum State {
    OPEN, RESOLVED
}
