package io.passerelle.incidentservice.incident;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.platform.domain.NotFoundException;

/** A person confirms a suspect deployment as a cause of an incident, or dismisses it, with a reason. */
public final class DecideSuspect {

    private final Incidents incidents;
    private final Clock clock;

    public DecideSuspect(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    public Incident confirm(UUID incidentId, UUID deploymentId, String by, String reason) {
        var incident = load(incidentId);
        incident.confirmCause(deploymentId, by, clock.instant(), reason);
        incidents.save(incident);
        return incident;
    }

    public Incident dismiss(UUID incidentId, UUID deploymentId, String by, String reason) {
        var incident = load(incidentId);
        incident.dismissCause(deploymentId, by, clock.instant(), reason);
        incidents.save(incident);
        return incident;
    }

    private Incident load(UUID id) {
        return incidents.byId(id).orElseThrow(() -> new NotFoundException("incident", id));
    }
}
