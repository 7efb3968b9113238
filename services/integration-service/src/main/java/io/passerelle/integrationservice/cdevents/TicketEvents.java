package io.passerelle.integrationservice.cdevents;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Change requests and problems as CDEvents tickets: raised → {@code ticket.created}, a step on the way
 * (a change authorized or held, a problem's known error or resolution) → {@code ticket.updated}, the end →
 * {@code ticket.closed} with a resolution ({@code completed}, {@code failed}, {@code rejected}, {@code duplicate}).
 * {@code ticketType} is {@code change-request} or {@code problem}; {@code uri} is the console's page.
 */
public final class TicketEvents {

    static final String CHANGE = "change-request";
    static final String PROBLEM = "problem";

    private TicketEvents() {
    }

    /** A ticket raised: a change request ({@code group} = its service) or a problem. */
    public record Raised(String kind, UUID id, String summary, String creator, @Nullable String group,
            List<String> labels, @Nullable String priority, String uri) {
    }

    /** A step on a ticket's way: what happened ({@code labels}), by whom. */
    public record Updated(String kind, UUID id, @Nullable String summary, @Nullable String updatedBy,
            List<String> labels, String uri) {
    }

    /** A ticket's end, and why. */
    public record Closed(String kind, UUID id, @Nullable String summary, @Nullable String updatedBy, String resolution,
            String uri) {
    }

    static CdEvent created(CdEvent.Origin origin, Raised r) {
        return CdEvent.of(CdEventType.TICKET_CREATED, origin, r.id().toString(),
                Content.of().put("summary", r.summary()).put("ticketType", r.kind()).put("group", r.group())
                        .put("creator", r.creator()).put("priority", r.priority()).put("labels", r.labels())
                        .put("uri", r.uri()).map(),
                Content.of().put(idName(r.kind()), r.id()).map());
    }

    static CdEvent updated(CdEvent.Origin origin, Updated u) {
        return CdEvent.of(CdEventType.TICKET_UPDATED, origin, u.id().toString(),
                Content.of().put("summary", u.summary()).put("ticketType", u.kind()).put("labels", u.labels())
                        .put("uri", u.uri()).put("updatedBy", u.updatedBy()).map(),
                Content.of().put(idName(u.kind()), u.id()).map());
    }

    static CdEvent closed(CdEvent.Origin origin, Closed c) {
        return CdEvent.of(CdEventType.TICKET_CLOSED, origin, c.id().toString(),
                Content.of().put("summary", c.summary()).put("ticketType", c.kind()).put("uri", c.uri())
                        .put("resolution", c.resolution()).put("updatedBy", c.updatedBy()).map(),
                Content.of().put(idName(c.kind()), c.id()).map());
    }

    private static String idName(String kind) {
        return CHANGE.equals(kind) ? "changeId" : "problemId";
    }
}
