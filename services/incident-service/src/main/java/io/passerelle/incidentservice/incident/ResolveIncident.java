package io.passerelle.incident.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;

/** Resolves incidents: by a person now, or by monitoring when the alert clears. */
public final class ResolveIncident {

    private final Incidents incidents;
    private final IncidentEvents events;
    private final Clock clock;

    public ResolveIncident(Incidents incidents, IncidentEvents events, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    public Incident now(UUID id, String by) {
        var incident = incidents.byId(id).orElseThrow(() -> new NotFoundException("incident", id));
        return resolve(incident, clock.instant(), by);
    }

    /** The OPEN incident of that fingerprint resolves at {@code endsAt}; none open: nothing to do. */
    public Optional<Incident> onAlertCleared(String fingerprint, Instant endsAt) {
        return incidents.openWithFingerprint(fingerprint)
                .map(incident -> resolve(incident, endsAt, Incident.MONITORING));
    }

    private Incident resolve(Incident incident, Instant at, String by) {
        incident.resolve(at, by);
        incidents.update(incident);
        incident.pullEvents().forEach(events::publish);
        return incident;
    }
}
