package io.passerelle.integrationservice.cdevents;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change request's events as CDEvents: its ticket ({@link TicketEvents}) and, for a change that waits for approvers,
 * its approval ({@link ApprovalEvents}). Raised → ticket created (+ approval created when {@code PENDING_APPROVAL});
 * one approver's decision that leaves it waiting → approval updated;
 * authorized → ticket updated (+ approval closed, approved, for a NORMAL change: the one kind approvers authorize);
 * held by a freeze window → ticket updated; rejected → ticket closed {@code rejected} + approval closed, rejected;
 * closed → ticket closed {@code completed}; failed → ticket closed {@code failed}.
 */
public final class ChangeEvents {

    private ChangeEvents() {
    }

    public record Raised(UUID changeId, String type, String state, String service, String environment, String title,
            String requestedBy, @Nullable UUID deploymentId, @Nullable Integer riskScore) {
    }

    /** A step or the end of a change: {@code step} is authorized, held, rejected, closed or failed. */
    public record Step(UUID changeId, String step, @Nullable String type, String service, String environment,
            @Nullable UUID deploymentId, @Nullable String by, @Nullable String reason) {
    }

    /** One approver's decision that leaves the change waiting: {@code verdict} APPROVED or REJECTED. */
    public record Decision(UUID changeId, @Nullable UUID deploymentId, String decidedBy, String verdict) {
    }

    public static List<CdEvent> decision(CdEvent.Origin origin, Links links, Decision d) {
        return List.of(ApprovalEvents.updated(origin, new ApprovalEvents.Decided(d.changeId(), links.change(d.changeId()),
                target(links, d.changeId(), d.deploymentId()), d.decidedBy(),
                "REJECTED".equals(d.verdict()) ? "rejected" : "approved")));
    }

    public static List<CdEvent> raised(CdEvent.Origin origin, Links links, Raised r) {
        var uri = links.change(r.changeId());
        var labels = List.of(r.type(), r.environment());
        var priority = r.riskScore() == null ? null : "risk " + r.riskScore();
        var events = new ArrayList<CdEvent>();
        events.add(TicketEvents.created(origin, new TicketEvents.Raised(TicketEvents.CHANGE, r.changeId(), r.title(),
                r.requestedBy(), r.service(), labels, priority, uri)));
        if ("PENDING_APPROVAL".equals(r.state())) {
            events.add(ApprovalEvents.created(origin, new ApprovalEvents.Requested(r.changeId(), uri,
                    target(links, r.changeId(), r.deploymentId()), r.requestedBy())));
        }
        return events;
    }

    public static List<CdEvent> step(CdEvent.Origin origin, Links links, Step s) {
        var uri = links.change(s.changeId());
        var labels = List.of(s.step(), s.environment());
        return switch (s.step()) {
            case "authorized" -> "NORMAL".equals(s.type())
                    ? List.of(updated(origin, s, uri, labels), decided(origin, links, s, "approved"))
                    : List.of(updated(origin, s, uri, labels));
            case "held" -> List.of(updated(origin, s, uri, labels));
            case "rejected" -> List.of(closed(origin, s, uri, "rejected"), decided(origin, links, s, "rejected"));
            case "closed" -> List.of(closed(origin, s, uri, "completed"));
            case "failed" -> List.of(closed(origin, s, uri, "failed"));
            default -> throw new IllegalArgumentException("no CDEvent for a change " + s.step());
        };
    }

    private static CdEvent updated(CdEvent.Origin origin, Step s, String uri, List<String> labels) {
        return TicketEvents.updated(origin, new TicketEvents.Updated(TicketEvents.CHANGE, s.changeId(), s.reason(),
                s.by(), labels, uri));
    }

    private static CdEvent closed(CdEvent.Origin origin, Step s, String uri, String resolution) {
        return TicketEvents.closed(origin, new TicketEvents.Closed(TicketEvents.CHANGE, s.changeId(), s.reason(),
                s.by(), resolution, uri));
    }

    private static CdEvent decided(CdEvent.Origin origin, Links links, Step s, String decision) {
        var responder = s.by() == null ? "passerelle" : s.by();
        return ApprovalEvents.closed(origin, new ApprovalEvents.Decided(s.changeId(), links.change(s.changeId()),
                target(links, s.changeId(), s.deploymentId()), responder, decision));
    }

    private static String target(Links links, UUID changeId, @Nullable UUID deploymentId) {
        return deploymentId == null ? links.change(changeId) : links.deployment(deploymentId);
    }
}
