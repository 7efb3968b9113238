package io.passerelle.change.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;

/** A change manager rejects a change that waits for approval, saying why. */
public class RejectChange {

    private final Changes changes;
    private final ChangeEventPublisher publisher;
    private final Clock clock;

    public RejectChange(Changes changes, ChangeEventPublisher publisher, Clock clock) {
        this.changes = changes;
        this.publisher = publisher;
        this.clock = clock;
    }

    public ChangeRequest reject(UUID changeId, String rejecter, String reason) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        change.reject(rejecter, reason, clock.instant());
        changes.save(change);
        publisher.publish(change.pullEvents());
        return change;
    }
}
