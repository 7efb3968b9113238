package io.passerelle.incident.incident.messaging;

import io.passerelle.incident.incident.IncidentEvent;
import io.passerelle.incident.incident.IncidentEvent.IncidentOpened;
import io.passerelle.incident.incident.IncidentEvent.IncidentResolved;
import io.passerelle.incident.incident.IncidentEvents;
import io.passerelle.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Maps incident events to their logical types and wire shapes (api-specs/events/incident.*.v1.json). */
@Component
class OutboxIncidentEvents implements IncidentEvents {

    private final Outbox outbox;

    OutboxIncidentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(IncidentEvent event) {
        var subject = event.incidentId().toString();
        switch (event) {
            case IncidentOpened opened -> outbox.append("incident.opened.v1", subject, IncidentOpenedData.of(opened));
            case IncidentResolved resolved ->
                    outbox.append("incident.resolved.v1", subject, IncidentResolvedData.of(resolved));
        }
    }
}
