package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A problem's root cause was removed, by the change that fixes it if one is named (api-specs/events/problem.resolved.v1.json). */
@EventType("problem.resolved.v1")
public record ProblemResolved(UUID problemId, String title, @Nullable String service, String rootCause,
        @Nullable UUID fixChangeId, String resolvedBy, Instant resolvedAt, List<UUID> incidentIds)
        implements ProblemEvent {
}
