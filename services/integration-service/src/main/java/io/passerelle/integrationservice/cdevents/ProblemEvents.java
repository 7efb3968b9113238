package io.passerelle.integrationservice.cdevents;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A problem's events as CDEvents tickets ({@code ticketType} {@code problem}): raised → created; a known error
 * recorded or the problem resolved → updated; closed → closed, {@code duplicate} when closed as the duplicate of
 * another, else {@code completed}.
 */
public final class ProblemEvents {

    private ProblemEvents() {
    }

    /** @param step raised, known-error-recorded, resolved or closed */
    public record Step(UUID problemId, String step, String title, @Nullable String service, String by,
            @Nullable UUID duplicateOf) {
    }

    public static CdEvent of(CdEvent.Origin origin, Links links, Step s) {
        var uri = links.problem(s.problemId());
        var labels = s.service() == null ? List.of(s.step()) : List.of(s.step(), s.service());
        return switch (s.step()) {
            case "raised" -> TicketEvents.created(origin, new TicketEvents.Raised(TicketEvents.PROBLEM, s.problemId(),
                    s.title(), s.by(), s.service(), labels, null, uri));
            case "known-error-recorded", "resolved" -> TicketEvents.updated(origin, new TicketEvents.Updated(
                    TicketEvents.PROBLEM, s.problemId(), s.title(), s.by(), labels, uri));
            case "closed" -> TicketEvents.closed(origin, new TicketEvents.Closed(TicketEvents.PROBLEM, s.problemId(),
                    s.title(), s.by(), s.duplicateOf() == null ? "completed" : "duplicate", uri));
            default -> throw new IllegalArgumentException("no CDEvent for a problem " + s.step());
        };
    }
}
