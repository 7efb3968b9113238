package io.passerelle.changeservice.risk.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.changeservice.risk.Incident;
import io.passerelle.changeservice.risk.port.Incidents;
import io.passerelle.changeservice.risk.port.RiskMoved;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What incident-service says about incidents, kept in this service's own projection for the risk of changes; the
 * open changes of the incident's service and environment are then assessed again. An unattributed incident (an
 * alert that named no Passerelle service and environment) concerns no service's changes: it is skipped.
 */
@Component
class IncidentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventHandlers.class);

    private final Incidents incidents;
    private final RiskMoved riskMoved;

    IncidentEventHandlers(Incidents incidents, RiskMoved riskMoved) {
        this.incidents = incidents;
        this.riskMoved = riskMoved;
    }

    /** An incident is open on the service in the environment (whatever its priority; risk counts P1 and P2). */
    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened data) {
        if (data.service() == null || data.environment() == null) {
            log.info("Incident {} is unattributed: no service's risk changes", data.incidentId());
            return;
        }
        incidents.opened(new Incident(data.incidentId(), data.service(), data.environment(), data.priority(),
                data.openedAt()));
        riskMoved.of(data.service(), data.environment());
        log.info("Incident {} ({}) open on {} in {}", data.incidentId(), data.priority(), data.service(),
                data.environment());
    }

    /** The incident no longer counts towards the risk of changes to its service. */
    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved data) {
        if (data.service() == null || data.environment() == null) {
            return;
        }
        incidents.resolved(data.incidentId(), data.service(), data.environment(), data.resolvedAt());
        riskMoved.of(data.service(), data.environment());
        log.info("Incident {} on {} in {} resolved", data.incidentId(), data.service(), data.environment());
    }

    /** A reopened incident counts towards the risk of changes to its service again. */
    @HandlesEvent("incident.reopened.v1")
    void onReopened(IncidentReopened data) {
        if (data.service() == null || data.environment() == null) {
            return;
        }
        incidents.reopened(data.incidentId(), data.service(), data.environment(), data.reopenedAt());
        riskMoved.of(data.service(), data.environment());
        log.info("Incident {} on {} in {} reopened", data.incidentId(), data.service(), data.environment());
    }

    /** Only the fields this service uses (tolerant reader), here and below; no service means unattributed. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String priority,
            Instant openedAt) {
    }

    record IncidentResolved(UUID incidentId, @Nullable String service, @Nullable String environment,
            Instant resolvedAt) {
    }

    record IncidentReopened(UUID incidentId, @Nullable String service, @Nullable String environment,
            Instant reopenedAt) {
    }
}
