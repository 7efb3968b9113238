package io.passerelle.changeservice.change;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.change.port.Freezes;

/**
 * Lets held changes proceed when the freeze windows that held them end: those whose hold is over, oldest hold first,
 * and, when a window is ended early, those it held. Each is asked again whether a window covers it (one declared
 * meanwhile holds it anew). The holds live in the store, so a restart loses none; the changes of one round (at most
 * {@value #BATCH}) are released in the caller's transaction with the events they register, locked so that a change
 * another instance is releasing is skipped: none is released twice.
 */
public class ResumeHeldChanges {

    /** How many held changes one round releases at most. */
    public static final int BATCH = 50;

    private final Changes changes;
    private final Freezes freezes;
    private final Clock clock;

    public ResumeHeldChanges(Changes changes, Freezes freezes, Clock clock) {
        this.changes = changes;
        this.freezes = freezes;
        this.clock = clock;
    }

    /** Releases (or holds anew) the changes whose hold is over; how many it looked at. */
    public int due() {
        var now = clock.instant();
        return reconsider(changes.heldUntil(now, BATCH), now);
    }

    /** Reconsiders at once the changes a freeze window held, when it is ended early. */
    public int heldBy(UUID windowId) {
        return reconsider(changes.heldBy(windowId), clock.instant());
    }

    /** When the next hold is over, if any change is held. */
    public Optional<Instant> nextDue() {
        return changes.nextHoldOver();
    }

    private int reconsider(List<ChangeRequest> held, Instant now) {
        for (var change : held) {
            change.release(freezes.holding(change.service(), change.environment(), now), now);
            changes.save(change);
        }
        return held.size();
    }
}
