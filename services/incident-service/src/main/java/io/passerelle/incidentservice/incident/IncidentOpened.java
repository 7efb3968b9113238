package io.passerelle.incidentservice.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An incident was opened with its suspects and the known errors it matched, if any — {@code knownErrors} is left out
 * when none matched (api-specs/events/incident.opened.v1.json). An unattributed one has no service, no environment
 * and no suspects.
 */
@EventType("incident.opened.v1")
public record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment,
        boolean attributed, String title, Priority priority, Level impact, Level urgency, Source source,
        @Nullable String fingerprint, String reportedBy, Instant startedAt, Instant openedAt, List<Suspect> suspects,
        @Nullable List<SuggestedKnownError> knownErrors) implements IncidentEvent {
}
