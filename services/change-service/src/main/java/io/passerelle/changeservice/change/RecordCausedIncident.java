package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.change.port.Changes;

/**
 * Marks a change as having caused an incident, as incident management confirmed it; a caused incident counts as a
 * failure of the change in its service's risk, so the service's open changes are assessed again.
 */
public class RecordCausedIncident {

    private final Changes changes;
    private final ReassessRisk reassess;
    private final Clock clock;

    public RecordCausedIncident(Changes changes, ReassessRisk reassess, Clock clock) {
        this.changes = changes;
        this.reassess = reassess;
        this.clock = clock;
    }

    public Outcome record(UUID changeId, CausedIncident incident) {
        var found = changes.find(changeId);
        if (found.isEmpty()) {
            return Outcome.NO_CHANGE;
        }
        var change = found.get();
        if (!change.causedIncident(incident, clock.instant())) {
            return Outcome.ALREADY_RECORDED;
        }
        changes.save(change);
        reassess.of(change.service(), null);
        return Outcome.RECORDED;
    }

    public enum Outcome {
        /** The change records the incident it caused. */
        RECORDED,
        /** No such change here: nothing to mark. */
        NO_CHANGE,
        /** The change already records that incident. */
        ALREADY_RECORDED
    }
}
