package io.passerelle.incident.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.incident.suspect.Suspect;
import org.jspecify.annotations.Nullable;

/** What happened to an incident, in the past tense. */
public sealed interface IncidentEvent {

    UUID incidentId();

    record IncidentOpened(UUID incidentId, String service, String environment, String title, Source source,
            Level impact, Level urgency, Priority priority, @Nullable String fingerprint, String reportedBy,
            Instant startedAt, Instant openedAt, List<Suspect> suspects) implements IncidentEvent {
    }

    record IncidentResolved(UUID incidentId, String service, String environment, Instant startedAt,
            Instant resolvedAt, String resolvedBy, Duration timeToRestore) implements IncidentEvent {
    }
}
