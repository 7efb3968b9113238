package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Moves the change of a deployment with what happens to the deployment: requested from the toolchain, its change's
 * implementation starts; succeeded, its change is closed; failed, its change asks for a post-implementation review.
 * News of a deployment without a change, or whose change is not in a state that takes it (not scheduled or
 * implementing: a late or repeated event), changes nothing: the caller is told why.
 */
public class RecordDeploymentOutcome {

    private final Changes changes;
    private final ReassessRisk reassess;
    private final Clock clock;

    public RecordDeploymentOutcome(Changes changes, ReassessRisk reassess, Clock clock) {
        this.changes = changes;
        this.reassess = reassess;
        this.clock = clock;
    }

    public Outcome requested(UUID deploymentId) {
        return record(deploymentId, change -> change.deploymentStarted(clock.instant()));
    }

    public Outcome succeeded(UUID deploymentId) {
        return record(deploymentId, change -> change.close(clock.instant()));
    }

    /** A failure also moves the risk of the service's other changes (its failure rates): they are assessed again. */
    public Outcome failed(UUID deploymentId, @Nullable String reason) {
        var outcome = record(deploymentId, change -> change.fail(reason, clock.instant()));
        if (outcome == Outcome.RECORDED) {
            changes.findByDeployment(deploymentId).ifPresent(change -> reassess.of(change.service(), null));
        }
        return outcome;
    }

    /** The deployment was rolled back: its change's trail records what undid it. */
    public Outcome rolledBack(UUID deploymentId, String detail) {
        return record(deploymentId, change -> change.backedOut(detail, clock.instant()));
    }

    private Outcome record(UUID deploymentId, Consumer<ChangeRequest> transition) {
        var found = changes.findByDeployment(deploymentId);
        if (found.isEmpty()) {
            return Outcome.NO_CHANGE;
        }
        var change = found.get();
        try {
            transition.accept(change);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.STATE_CONFLICT) {
                return Outcome.OUT_OF_STATE;
            }
            throw e;
        }
        changes.save(change);
        return Outcome.RECORDED;
    }

    public enum Outcome {
        RECORDED("the change recorded it"),
        NO_CHANGE("no change was raised for that deployment"),
        OUT_OF_STATE("the deployment's change is past that point or not authorized");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
