package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.IncidentEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@code incident.opened.v1} → {@code incident.detected}; {@code incident.resolved.v1} → {@code incident.resolved}. */
@Component
class IncidentCdEvents {

    /** Our reading of {@code incident.opened.v1}: the fields told, and the top suspect. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            String priority, @Nullable List<Suspect> suspects) {

        record Suspect(int rank, UUID deploymentId, @Nullable String version) {
        }
    }

    record IncidentResolved(UUID incidentId, @Nullable String service, @Nullable String environment,
            @Nullable String resolvedBy, long timeToRestoreSeconds) {
    }

    private final PublishCdEvents publish;

    IncidentCdEvents(PublishCdEvents publish) {
        this.publish = publish;
    }

    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened opened, InboundEvent event) {
        var top = opened.suspects() == null ? null
                : opened.suspects().stream().min(Comparator.comparingInt(IncidentOpened.Suspect::rank)).orElse(null);
        var facts = new IncidentEvents.Opened(opened.incidentId(), opened.service(), opened.environment(),
                opened.title(), opened.priority(), top == null ? null : top.version(),
                top == null ? null : top.deploymentId());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(IncidentEvents.detected(origin, facts)));
    }

    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved resolved, InboundEvent event) {
        var facts = new IncidentEvents.Resolved(resolved.incidentId(), resolved.service(), resolved.environment(),
                resolved.resolvedBy(), resolved.timeToRestoreSeconds());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(IncidentEvents.resolved(origin, facts)));
    }
}
