package io.passerelle.incident.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.incident.suspect.AttributeIncident;

/**
 * Opens incidents with their suspects. A firing alert whose fingerprint already has an OPEN incident joins it
 * (Alertmanager repeats notifications): one more occurrence, no new incident, no event.
 */
public final class OpenIncident {

    private final Incidents incidents;
    private final AttributeIncident attribution;
    private final IncidentEvents events;
    private final Clock clock;

    public OpenIncident(Incidents incidents, AttributeIncident attribution, IncidentEvents events, Clock clock) {
        this.incidents = incidents;
        this.attribution = attribution;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens an incident for the alert, or joins the OPEN one with its fingerprint. A notification of a firing that
     * was already resolved (same fingerprint and startsAt: Alertmanager keeps startsAt for one firing), delivered
     * late, opens nothing: empty.
     */
    public Optional<Incident> onAlert(FiringAlert alert, Instant notifiedAt) {
        var open = incidents.openWithFingerprint(alert.fingerprint());
        if (open.isPresent()) {
            var incident = open.get();
            incident.recordOccurrence(notifiedAt);
            incidents.update(incident);
            return open;
        }
        if (incidents.resolvedWith(alert.fingerprint(), alert.startsAt())) {
            return Optional.empty();
        }
        var suspects = attribution.suspects(alert.service(), alert.environment(), alert.startsAt());
        var incident = Incident.openFor(alert, suspects, clock.instant(), notifiedAt);
        incidents.add(incident);
        incident.pullEvents().forEach(events::publish);
        return Optional.of(incident);
    }

    public Incident onReport(ServiceDeskReport report, String reportedBy) {
        var now = clock.instant();
        var startedAt = report.startedAt() == null ? now : report.startedAt();
        var suspects = attribution.suspects(report.service(), report.environment(), startedAt);
        var incident = Incident.openFor(report, reportedBy, suspects, now);
        incidents.add(incident);
        incident.pullEvents().forEach(events::publish);
        return incident;
    }
}
