package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;

/**
 * A change manager ended a freeze window early: from {@code endedAt} it covers nothing any more, so what it held in its
 * scope (empty {@code services} or {@code environments}: every one) may proceed unless another window covers it.
 */
@EventType("freeze-window.ended.v1")
public record FreezeWindowEnded(UUID windowId, String name, List<String> services, List<String> environments,
        String endedBy, Instant endedAt) implements FreezeWindowEvent {
}
