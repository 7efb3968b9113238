package io.passerelle.changeservice.change.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.changeservice.change.CausedIncident;
import io.passerelle.changeservice.change.RecordCausedIncident;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A suspect deployment confirmed as the cause of an incident marks its change as having caused it. */
@Component
class IncidentCauseEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentCauseEventHandlers.class);

    private final RecordCausedIncident causes;

    IncidentCauseEventHandlers(RecordCausedIncident causes) {
        this.causes = causes;
    }

    @HandlesEvent("incident.cause-confirmed.v1")
    void onConfirmed(CauseConfirmed data, InboundEvent event) {
        if (data.changeId() == null) {
            log.info("Deployment {} caused incident {} but had no change: nothing to mark", data.deploymentId(),
                    data.incidentId());
            return;
        }
        var outcome = causes.record(data.changeId(), new CausedIncident(data.incidentId(), data.deploymentId(),
                data.priority(), data.confirmedBy(), data.confirmedAt(), data.reason()));
        switch (outcome) {
            case RECORDED -> log.info("Change {} caused incident {}", data.changeId(), data.incidentId());
            case NO_CHANGE -> log.warn("Incident {} names change {}, which does not exist here: event {} ignored",
                    data.incidentId(), data.changeId(), event.id());
            case ALREADY_RECORDED -> log.info("Change {} already records incident {}", data.changeId(),
                    data.incidentId());
        }
    }

    /** Only the fields this service uses (tolerant reader). */
    record CauseConfirmed(UUID incidentId, UUID deploymentId, @Nullable UUID changeId, String priority,
            String confirmedBy, Instant confirmedAt, String reason) {
    }
}
