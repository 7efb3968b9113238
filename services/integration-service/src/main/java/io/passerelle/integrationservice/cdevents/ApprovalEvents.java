package io.passerelle.integrationservice.cdevents;

import java.util.UUID;

/**
 * A change's approval as the draft CDEvents approval events (0.1.0 on the spec's main branch, 0.6.0-draft): a change
 * raised pending approval → {@code approval.created} (requestor: who raised it); the approval's end →
 * {@code approval.updated}, one approver's decision that leaves the change waiting (an approval short of its policy's
 * count, a rejection that does not end it), with that responder and decision; the approval's end →
 * {@code approval.closed} with the responder's decision and the terminal status ({@code approved} when the change
 * was authorized by its approvers, {@code rejected}). All point at the change's page ({@code approvalDetailsUrl}) and
 * at the deployment it gates ({@code resourceTargetUrl}; the change's page when it gates none).
 */
public final class ApprovalEvents {

    private ApprovalEvents() {
    }

    public record Requested(UUID changeId, String approvalUrl, String targetUrl, String requestor) {
    }

    /** @param decision {@code approved} or {@code rejected} (the schema's words) */
    public record Decided(UUID changeId, String approvalUrl, String targetUrl, String responder, String decision) {
    }

    static CdEvent created(CdEvent.Origin origin, Requested r) {
        return CdEvent.of(CdEventType.APPROVAL_CREATED, origin, r.changeId().toString(),
                Content.of().put("approvalDetailsUrl", r.approvalUrl()).put("resourceTargetUrl", r.targetUrl())
                        .put("requestor", Content.user(r.requestor())).map(),
                Content.of().put("changeId", r.changeId()).map());
    }

    static CdEvent updated(CdEvent.Origin origin, Decided d) {
        return CdEvent.of(CdEventType.APPROVAL_UPDATED, origin, d.changeId().toString(),
                Content.of().put("approvalDetailsUrl", d.approvalUrl()).put("resourceTargetUrl", d.targetUrl())
                        .put("responder", Content.user(d.responder())).put("decision", d.decision()).map(),
                Content.of().put("changeId", d.changeId()).map());
    }

    static CdEvent closed(CdEvent.Origin origin, Decided d) {
        return CdEvent.of(CdEventType.APPROVAL_CLOSED, origin, d.changeId().toString(),
                Content.of().put("approvalDetailsUrl", d.approvalUrl()).put("resourceTargetUrl", d.targetUrl())
                        .put("responder", Content.user(d.responder())).put("decision", d.decision())
                        .put("status", d.decision()).map(),
                Content.of().put("changeId", d.changeId()).map());
    }
}
