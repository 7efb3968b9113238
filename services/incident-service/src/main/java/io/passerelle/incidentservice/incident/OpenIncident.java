package io.passerelle.incidentservice.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.incident.port.KnownErrors;
import io.passerelle.incidentservice.suspect.AttributeIncident;
import io.passerelle.incidentservice.suspect.Suspect;

/**
 * Opens incidents with their priority, suspects and the known errors they match. A firing alert whose fingerprint
 * already has an open incident joins it (Alertmanager repeats notifications): one more occurrence, no new incident, no
 * event.
 */
public final class OpenIncident {

    /** What a firing alert did. */
    public enum Outcome {
        /** A new incident, with its suspects. */
        OPENED,
        /** One more occurrence of the open incident with its fingerprint. */
        JOINED,
        /** A late notification of a firing already resolved: nothing. */
        ALREADY_RESOLVED
    }

    private final Incidents incidents;
    private final AttributeIncident attribution;
    private final KnownErrors knownErrors;
    private final PriorityMatrix matrix;
    private final Severities severities;
    private final Clock clock;

    public OpenIncident(Incidents incidents, AttributeIncident attribution, KnownErrors knownErrors,
            PriorityMatrix matrix, Severities severities, Clock clock) {
        this.incidents = incidents;
        this.attribution = attribution;
        this.knownErrors = knownErrors;
        this.matrix = matrix;
        this.severities = severities;
        this.clock = clock;
    }

    /**
     * Opens an incident for the alert, or joins the open one with its fingerprint. A notification of a firing that
     * was already resolved (same fingerprint and startsAt: Alertmanager keeps startsAt for one firing), delivered
     * late, opens nothing. An unattributed alert opens an incident without suspects.
     */
    public Outcome onAlert(FiringAlert alert, Instant notifiedAt) {
        var open = incidents.openWithFingerprint(alert.fingerprint());
        if (open.isPresent()) {
            var incident = open.get();
            incident.recordOccurrence(notifiedAt);
            incidents.save(incident);
            return Outcome.JOINED;
        }
        if (incidents.resolvedWith(alert.fingerprint(), alert.startsAt())) {
            return Outcome.ALREADY_RESOLVED;
        }
        var suspects = alert.attributed()
                ? attribution.suspects(alert.service(), alert.environment(), alert.startsAt()) : List.<Suspect>of();
        var known = knownErrors.matching(alert.service(), alert.alertName(), alert.labels());
        var levels = severities.of(alert.severity());
        incidents.save(Incident.openFor(alert, matrix.rate(levels.impact(), levels.urgency()), suspects, known,
                clock.instant(), notifiedAt));
        return Outcome.OPENED;
    }

    public Incident onReport(ServiceDeskReport report, String reportedBy) {
        var now = clock.instant();
        var suspects = attribution.suspects(report.service(), report.environment(), report.startedAtOr(now));
        var known = knownErrors.matching(report.service(), null, Map.of());
        var incident = Incident.openFor(report, matrix.rate(report.impact(), report.urgency()), reportedBy, suspects,
                known, now);
        incidents.save(incident);
        return incident;
    }
}
