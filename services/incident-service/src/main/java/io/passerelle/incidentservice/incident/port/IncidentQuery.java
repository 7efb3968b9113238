package io.passerelle.incidentservice.incident.port;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.passerelle.incidentservice.incident.Priority;
import io.passerelle.incidentservice.incident.State;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents to list: every criterion given must hold (an empty set or null means any). {@code text} is found,
 * without case, in the title or the description. Pages run most recently opened first; {@code after} is where the
 * previous page ended.
 */
public record IncidentQuery(Set<State> states, Set<Priority> priorities, @Nullable String service,
        @Nullable String environment, @Nullable String assignee, @Nullable String text, @Nullable Boolean attributed,
        int limit, @Nullable Position after) {

    public IncidentQuery {
        states = Set.copyOf(states);
        priorities = Set.copyOf(priorities);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** Where a page ends: its last incident's opening time and id. */
    public record Position(Instant openedAt, UUID id) {
    }
}
