package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An approver decided on a change that still waits: an approval short of its policy's count, or a rejection its
 * policy does not let end the change. The decision that ends the approval is {@link ChangeAuthorized} or
 * {@link ChangeRejected} instead.
 */
@EventType("change.decision-recorded.v1")
public record ChangeDecisionRecorded(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
        String decidedBy, Verdict verdict, @Nullable String comment, long approvals, int approvalsRequired,
        Instant decidedAt) implements ChangeEvent {
}
