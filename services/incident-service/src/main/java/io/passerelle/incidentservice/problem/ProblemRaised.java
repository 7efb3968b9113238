package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A problem was raised, on its own or from incidents (api-specs/events/problem.raised.v1.json). */
@EventType("problem.raised.v1")
public record ProblemRaised(UUID problemId, String title, @Nullable String service, String raisedBy,
        Instant raisedAt, List<UUID> incidentIds) implements ProblemEvent {
}
