package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.IncidentEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.integrationservice.chatops.NotifyChat;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code incident.opened.v1} → {@code incident.detected}, and a P1 / P2 told to the chat channels with its top suspect
 * ({@link NotifyChat}: the one handler of the type serves both features); {@code incident.resolved.v1} →
 * {@code incident.resolved}.
 */
@Component
class IncidentCdEvents {

    /** Our reading of {@code incident.opened.v1}: the fields told, and the top suspect. */
    record IncidentOpened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            String priority, @Nullable List<Suspect> suspects) {

        record Suspect(int rank, UUID deploymentId, @Nullable String version, @Nullable String reason) {
        }
    }

    record IncidentResolved(UUID incidentId, @Nullable String service, @Nullable String environment,
            @Nullable String resolvedBy, long timeToRestoreSeconds) {
    }

    private final PublishCdEvents publish;
    private final NotifyChat chat;

    IncidentCdEvents(PublishCdEvents publish, NotifyChat chat) {
        this.publish = publish;
        this.chat = chat;
    }

    @HandlesEvent("incident.opened.v1")
    void onOpened(IncidentOpened opened, InboundEvent event) {
        var top = opened.suspects() == null ? null
                : opened.suspects().stream().min(Comparator.comparingInt(IncidentOpened.Suspect::rank)).orElse(null);
        var facts = new IncidentEvents.Opened(opened.incidentId(), opened.service(), opened.environment(),
                opened.title(), opened.priority(), top == null ? null : top.version(),
                top == null ? null : top.deploymentId());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(IncidentEvents.detected(origin, facts)));
        chat.incidentOpened(event.id(), opened.incidentId(), opened.service(), opened.environment(), opened.title(),
                opened.priority(), top == null ? null : new NotifyChat.Suspect(top.deploymentId(), top.version(),
                        top.reason()));
    }

    @HandlesEvent("incident.resolved.v1")
    void onResolved(IncidentResolved resolved, InboundEvent event) {
        var facts = new IncidentEvents.Resolved(resolved.incidentId(), resolved.service(), resolved.environment(),
                resolved.resolvedBy(), resolved.timeToRestoreSeconds());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(IncidentEvents.resolved(origin, facts)));
    }
}
