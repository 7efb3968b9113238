package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.ChangeWindowEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** change-service's freeze windows → Passerelle's custom {@code dev.passerelle.changewindow.*} events. */
@Component
class FreezeWindowCdEvents {

    record WindowDeclared(UUID windowId, String name, String reason, Instant start, Instant end, String timeZone,
            @Nullable String recurrence, List<String> services, List<String> environments, String declaredBy) {
    }

    record WindowEnded(UUID windowId, String name, List<String> services, List<String> environments, String endedBy,
            Instant endedAt) {
    }

    private final PublishCdEvents publish;

    FreezeWindowCdEvents(PublishCdEvents publish) {
        this.publish = publish;
    }

    @HandlesEvent("freeze-window.declared.v1")
    void onDeclared(WindowDeclared w, InboundEvent event) {
        var facts = new ChangeWindowEvents.Declared(w.windowId(), w.name(), w.reason(), w.start(), w.end(),
                w.timeZone(), w.recurrence(), w.services(), w.environments(), w.declaredBy());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(ChangeWindowEvents.created(origin, facts)));
    }

    @HandlesEvent("freeze-window.ended.v1")
    void onEnded(WindowEnded w, InboundEvent event) {
        var facts = new ChangeWindowEvents.Ended(w.windowId(), w.name(), w.services(), w.environments(), w.endedBy(),
                w.endedAt());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(ChangeWindowEvents.ended(origin, facts)));
    }
}
