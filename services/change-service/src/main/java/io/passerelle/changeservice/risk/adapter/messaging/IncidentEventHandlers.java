package io.passerelle.changeservice.risk.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.changeservice.risk.Incident;
import io.passerelle.changeservice.risk.port.Incidents;
import io.passerelle.platform.inbox.HandlesEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What incident-service says about incidents, kept in this service's own projection for the risk of changes. */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final Incidents incidents;

    IncidentEventHandlers(Incidents incidents) {
        this.incidents = incidents;
    }

    /** An incident is open on the service in the environment (whatever its priority; risk counts P1 and P2). */
    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened data) {
        incidents.opened(new Incident(data.incidentId(), data.service(), data.environment(), data.priority(),
                data.openedAt()));
        log.info("Incident {} ({}) open on {} in {}", data.incidentId(), data.priority(), data.service(),
                data.environment());
    }

    /** The incident no longer counts towards the risk of changes to its service. */
    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved data) {
        incidents.resolved(data.incidentId(), data.service(), data.environment(), data.resolvedAt());
        log.info("Incident {} on {} in {} resolved", data.incidentId(), data.service(), data.environment());
    }

    /** Only the fields this service uses (tolerant reader), here and below. */
    record IncidentOpened(UUID incidentId, String service, String environment, String priority, Instant openedAt) {
    }

    record IncidentResolved(UUID incidentId, String service, String environment, Instant resolvedAt) {
    }
}
