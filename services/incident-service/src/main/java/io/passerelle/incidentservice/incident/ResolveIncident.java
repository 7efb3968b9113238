package io.passerelle.incidentservice.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.platform.domain.NotFoundException;

/** Resolves incidents: by a person now, or by monitoring when the alert clears. */
public final class ResolveIncident {

    /** What a cleared alert did. */
    public enum Outcome {
        /** The open incident with its fingerprint is resolved. */
        RESOLVED,
        /** No incident with its fingerprint is open: nothing to do. */
        NONE_OPEN
    }

    private final Incidents incidents;
    private final Clock clock;

    public ResolveIncident(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    public Incident now(UUID id, String by) {
        var incident = incidents.byId(id).orElseThrow(() -> new NotFoundException("incident", id));
        resolve(incident, clock.instant(), by);
        return incident;
    }

    /** The open incident of that fingerprint, whatever its open state, resolves at {@code endsAt}. */
    public Outcome onAlertCleared(String fingerprint, Instant endsAt) {
        var open = incidents.openWithFingerprint(fingerprint);
        open.ifPresent(incident -> resolve(incident, endsAt, Incident.MONITORING));
        return open.isPresent() ? Outcome.RESOLVED : Outcome.NONE_OPEN;
    }

    private void resolve(Incident incident, Instant at, String by) {
        incident.resolve(at, by);
        incidents.save(incident);
    }
}
