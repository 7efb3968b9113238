package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;

/** Someone the change's approval policy names rejects a change that waits for approval, saying why. */
public class RejectChange {

    private final Changes changes;
    private final ApprovalPolicies policies;
    private final Clock clock;

    public RejectChange(Changes changes, ApprovalPolicies policies, Clock clock) {
        this.changes = changes;
        this.policies = policies;
        this.clock = clock;
    }

    public ChangeRequest reject(UUID changeId, Approver rejecter, String reason) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        change.reject(rejecter, policies.applicable(change.service(), change.environment(), change.type()), reason, clock.instant());
        changes.save(change);
        return change;
    }
}
