package io.passerelle.incident.incident.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incident.incident.IncidentEvent.IncidentResolved;

/** incident.resolved.v1 data. */
record IncidentResolvedData(UUID incidentId, String service, String environment, Instant startedAt,
        Instant resolvedAt, String resolvedBy, long timeToRestoreSeconds) {

    static IncidentResolvedData of(IncidentResolved e) {
        return new IncidentResolvedData(e.incidentId(), e.service(), e.environment(), e.startedAt(), e.resolvedAt(),
                e.resolvedBy(), e.timeToRestore().toSeconds());
    }
}
