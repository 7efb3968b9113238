package io.passerelle.incidentservice.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.incidentservice.incident.port.Incidents;

/**
 * Closes resolved incidents once their reopen period is over (they can no longer be reopened, so their record is
 * complete), in Passerelle's name.
 */
public final class CloseResolvedIncidents {

    /** At most this many incidents per round. */
    public static final int BATCH = 100;

    private final Incidents incidents;
    private final Duration reopenWithin;
    private final Clock clock;

    public CloseResolvedIncidents(Incidents incidents, Duration reopenWithin, Clock clock) {
        this.incidents = incidents;
        this.reopenWithin = reopenWithin;
        this.clock = clock;
    }

    /** Closes, in the caller's transaction, at most {@code batch} incidents resolved before the period; how many. */
    public int closeDue(int batch) {
        var now = clock.instant();
        var due = incidents.resolvedUntil(now.minus(reopenWithin), batch);
        for (var incident : due) {
            incident.close(now, Incident.PASSERELLE);
            incidents.save(incident);
        }
        return due.size();
    }

    /** When the next resolved incident's reopen period ends, if one is resolved. */
    public Optional<Instant> nextDue() {
        return incidents.earliestResolution().map(resolvedAt -> resolvedAt.plus(reopenWithin));
    }
}
