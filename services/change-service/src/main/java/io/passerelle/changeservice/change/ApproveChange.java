package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.change.port.Freezes;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Someone the change's approval policy names approves a change that waits for approval; the approval that authorizes
 * it finds it held if freeze windows cover it then.
 */
public class ApproveChange {

    private final Changes changes;
    private final ApprovalPolicies policies;
    private final Freezes freezes;
    private final Clock clock;

    public ApproveChange(Changes changes, ApprovalPolicies policies, Freezes freezes, Clock clock) {
        this.changes = changes;
        this.policies = policies;
        this.freezes = freezes;
        this.clock = clock;
    }

    public ChangeRequest approve(UUID changeId, Approver approver, @Nullable String comment) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        var at = clock.instant();
        change.approve(approver, policies.applicable(change.service(), change.environment(), change.type()), comment,
                freezes.holding(change.service(), change.environment(), at), at);
        changes.save(change);
        return change;
    }
}
