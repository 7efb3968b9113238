package io.passerelle.incidentservice.change.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.change.port.Changes;
import io.passerelle.incidentservice.rollback.FollowRollback;
import io.passerelle.incidentservice.rollback.RollbackStep;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * change-service's raised changes, kept (type and risk) for the attribution of incidents to deployments; the change
 * of a deployment that is an incident's rollback is told to that incident (one handler per event type in a service).
 */
@Component
class ChangeEventHandlers {

    private final Changes changes;
    private final FollowRollback rollbacks;

    ChangeEventHandlers(Changes changes, FollowRollback rollbacks) {
        this.changes = changes;
        this.rollbacks = rollbacks;
    }

    @HandlesEvent("change.raised.v1")
    void onRaised(ChangeRaised raised) {
        changes.record(new RaisedChange(raised.changeId(), raised.type(),
                raised.risk() == null ? null : raised.risk().score()));
        if (raised.deploymentId() != null) {
            rollbacks.step(raised.deploymentId(), new RollbackStep.ChangeRaised(raised.changeId(),
                    raised.type().name(), "AUTHORIZED".equals(raised.state()), raised.raisedAt()));
        }
    }

    /**
     * Our own reading of change.raised.v1 data: only the fields we keep ({@code risk} is optional), and what a
     * rollback's change needs on its incident's timeline (the deployment it is for, when it names one).
     */
    record ChangeRaised(UUID changeId, ChangeType type, @Nullable Risk risk, String state,
            @Nullable UUID deploymentId, Instant raisedAt) {

        record Risk(int score) {
        }
    }
}
