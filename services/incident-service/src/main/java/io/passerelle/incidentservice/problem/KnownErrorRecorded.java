package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A problem became a known error: its root cause or workaround, and what incidents it is suggested to from now on
 * (api-specs/events/problem.known-error-recorded.v1.json).
 */
@EventType("problem.known-error-recorded.v1")
public record KnownErrorRecorded(UUID problemId, String title, @Nullable String service, @Nullable String rootCause,
        @Nullable String workaround, KnownErrorMatch match, String recordedBy, Instant recordedAt,
        List<UUID> incidentIds) implements ProblemEvent {
}
