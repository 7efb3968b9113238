package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/** Someone the change's approval policy names approves a change that waits for approval. */
public class ApproveChange {

    private final Changes changes;
    private final ApprovalPolicies policies;
    private final Clock clock;

    public ApproveChange(Changes changes, ApprovalPolicies policies, Clock clock) {
        this.changes = changes;
        this.policies = policies;
        this.clock = clock;
    }

    public ChangeRequest approve(UUID changeId, Approver approver, @Nullable String comment) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        change.approve(approver, policies.applicable(change.service(), change.environment(), change.type()), comment, clock.instant());
        changes.save(change);
        return change;
    }
}
