package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Moves a change through the rest of its lifecycle by hand: its requester or a change manager starts, completes or
 * cancels a change raised by hand; a change manager reviews one whose implementation did not succeed.
 */
public class ProgressChange {

    private final Changes changes;
    private final ReassessRisk reassess;
    private final Clock clock;

    public ProgressChange(Changes changes, ReassessRisk reassess, Clock clock) {
        this.changes = changes;
        this.reassess = reassess;
        this.clock = clock;
    }

    public ChangeRequest start(UUID changeId, Approver by, @Nullable String comment) {
        return apply(changeId, change -> change.startImplementation(by, comment, clock.instant()));
    }

    /** An implementation that did not succeed also moves the risk of the service's other changes. */
    public ChangeRequest complete(UUID changeId, Approver by, ChangeOutcome outcome, @Nullable String reason) {
        var change = apply(changeId, c -> c.complete(by, outcome, reason, clock.instant()));
        if (outcome != ChangeOutcome.SUCCESSFUL) {
            reassess.of(change.service(), null);
        }
        return change;
    }

    public ChangeRequest cancel(UUID changeId, Approver by, String reason) {
        return apply(changeId, change -> change.cancel(by, reason, clock.instant()));
    }

    public ChangeRequest review(UUID changeId, Approver by, String review) {
        return apply(changeId, change -> change.review(by, review, clock.instant()));
    }

    private ChangeRequest apply(UUID changeId, Consumer<ChangeRequest> transition) {
        var change = changes.find(changeId).orElseThrow(() -> new NotFoundException("Change", changeId));
        transition.accept(change);
        changes.save(change);
        return change;
    }
}
