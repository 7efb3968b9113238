package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A problem was closed, once resolved or as a duplicate of another (api-specs/events/problem.closed.v1.json). */
@EventType("problem.closed.v1")
public record ProblemClosed(UUID problemId, String title, @Nullable String service, @Nullable UUID duplicateOf,
        String closedBy, Instant closedAt) implements ProblemEvent {
}
