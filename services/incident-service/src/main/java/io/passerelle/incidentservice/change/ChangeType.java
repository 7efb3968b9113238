package io.passerelle.incidentservice.change;

/** The kind of a change request, as change-service raised it. */
public enum ChangeType {
    STANDARD, NORMAL, EMERGENCY
}
