package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;

/** A change manager rejects a change that waits for approval, saying why. */
public class RejectChange {

    private final Changes changes;
    private final Clock clock;

    public RejectChange(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public ChangeRequest reject(UUID changeId, String rejecter, String reason) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        change.reject(rejecter, reason, clock.instant());
        changes.save(change);
        return change;
    }
}
