package io.passerelle.incidentservice.problem;

import java.util.UUID;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.platform.domain.NotFoundException;

/** A problem links only incidents that exist. */
final class ExistingIncidents {

    private final Incidents incidents;

    ExistingIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    void require(UUID incidentId) {
        if (incidents.byId(incidentId).isEmpty()) {
            throw new NotFoundException("incident", incidentId);
        }
    }
}
