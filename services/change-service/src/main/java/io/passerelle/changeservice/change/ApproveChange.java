package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/** A change manager approves a change that waits for approval. */
public class ApproveChange {

    private final Changes changes;
    private final Clock clock;

    public ApproveChange(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public ChangeRequest approve(UUID changeId, Approver approver, @Nullable String comment) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        change.approve(approver, comment, clock.instant());
        changes.save(change);
        return change;
    }
}
