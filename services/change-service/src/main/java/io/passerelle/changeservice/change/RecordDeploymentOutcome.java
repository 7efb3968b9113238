package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Closes the change of a deployment that succeeded, or fails it when the deployment failed. An outcome for a
 * deployment without a change, or whose change refuses it (it is not authorized), changes nothing: the caller is told
 * why.
 */
public class RecordDeploymentOutcome {

    private final Changes changes;
    private final Clock clock;

    public RecordDeploymentOutcome(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Outcome succeeded(UUID deploymentId) {
        return record(deploymentId, change -> change.close(clock.instant()));
    }

    public Outcome failed(UUID deploymentId, @Nullable String reason) {
        return record(deploymentId, change -> change.fail(reason, clock.instant()));
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
                return Outcome.NOT_AUTHORIZED;
            }
            throw e;
        }
        changes.save(change);
        return Outcome.RECORDED;
    }

    public enum Outcome {
        RECORDED("the change recorded it"),
        NO_CHANGE("no change was raised for that deployment"),
        NOT_AUTHORIZED("the deployment's change is not authorized");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
