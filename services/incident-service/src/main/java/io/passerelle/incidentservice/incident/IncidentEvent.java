package io.passerelle.incidentservice.incident;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/**
 * What happened to an incident, in the past tense: {@link IncidentOpened}, {@link IncidentAcknowledged},
 * {@link IncidentResolved}, {@link IncidentReopened}, {@link IncidentCauseConfirmed}, {@link IncidentCauseDismissed}.
 */
public sealed interface IncidentEvent extends DomainEvent permits IncidentOpened, IncidentAcknowledged,
        IncidentResolved, IncidentReopened, IncidentCauseConfirmed, IncidentCauseDismissed {

    UUID incidentId();

    @Override
    default String subject() {
        return incidentId().toString();
    }
}
