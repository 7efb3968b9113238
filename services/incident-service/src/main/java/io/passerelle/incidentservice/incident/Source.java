package io.passerelle.incidentservice.incident;

/** Who opened the incident: monitoring (an alert) or the service desk (a user's report). */
public enum Source {
    MONITORING, SERVICE_DESK
}
