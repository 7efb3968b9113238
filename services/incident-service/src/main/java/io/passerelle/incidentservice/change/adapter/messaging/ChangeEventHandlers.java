package io.passerelle.incidentservice.change.adapter.messaging;

import java.util.UUID;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.change.port.Changes;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** change-service's raised changes, kept (type and risk) for the attribution of incidents to deployments. */
@Component
class ChangeEventHandlers {

    private final Changes changes;

    ChangeEventHandlers(Changes changes) {
        this.changes = changes;
    }

    @HandlesEvent("change.raised.v1")
    void onRaised(ChangeRaised raised) {
        changes.record(new RaisedChange(raised.changeId(), raised.type(),
                raised.risk() == null ? null : raised.risk().score()));
    }

    /** Our own reading of change.raised.v1 data: only the fields we keep ({@code risk} is optional). */
    record ChangeRaised(UUID changeId, ChangeType type, @Nullable Risk risk) {

        record Risk(int score) {
        }
    }
}
