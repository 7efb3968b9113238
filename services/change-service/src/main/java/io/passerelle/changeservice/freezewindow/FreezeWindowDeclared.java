package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A change manager declared a freeze window: its first occurrence from {@code start} to {@code end}, read as wall-clock
 * times in {@code timeZone}, repeated by {@code recurrence} (an RFC 5545 RRULE) if it has one. Empty
 * {@code services} or {@code environments}: every service, or every environment.
 */
@EventType("freeze-window.declared.v1")
public record FreezeWindowDeclared(UUID windowId, String name, String reason, Instant start, Instant end,
        String timeZone, @Nullable String recurrence, List<String> services, List<String> environments,
        String declaredBy, Instant declaredAt) implements FreezeWindowEvent {
}
