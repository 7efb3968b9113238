package io.passerelle.change.change;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Closes the change of a deployment that succeeded, or fails it when the deployment failed. An outcome for a
 * deployment without a change, or whose change is not authorized, changes nothing: the caller is told why.
 */
public class RecordDeploymentOutcome {

    private final Changes changes;
    private final ChangeEventPublisher publisher;
    private final Clock clock;

    public RecordDeploymentOutcome(Changes changes, ChangeEventPublisher publisher, Clock clock) {
        this.changes = changes;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Result succeeded(UUID deploymentId) {
        return record(deploymentId, change -> change.close(clock.instant()));
    }

    public Result failed(UUID deploymentId, @Nullable String reason) {
        return record(deploymentId, change -> change.fail(reason, clock.instant()));
    }

    private Result record(UUID deploymentId, Consumer<ChangeRequest> transition) {
        var found = changes.findByDeployment(deploymentId);
        if (found.isEmpty()) {
            return Result.NO_CHANGE;
        }
        var change = found.get();
        if (change.state() != ChangeState.AUTHORIZED) {
            return Result.NOT_AUTHORIZED;
        }
        transition.accept(change);
        changes.save(change);
        publisher.publish(change.pullEvents());
        return Result.RECORDED;
    }

    public enum Result {
        RECORDED("the change recorded it"),
        NO_CHANGE("no change was raised for that deployment"),
        NOT_AUTHORIZED("the deployment's change is not authorized");

        private final String description;

        Result(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
