package io.passerelle.integrationservice.cdevents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Freeze windows as Passerelle's custom {@code dev.passerelle.changewindow.created|ended.0.1.0} events, in the CDEvents
 * layout (context, subject with id and content). The content follows the subject the spec's open change-window
 * proposal describes — a window of time in which changes are (not) allowed, with its scope — in Passerelle's words:
 * {@code windowType} {@code freeze}, {@code name}, {@code reason}, {@code start} / {@code end} of the first occurrence,
 * {@code timeZone}, {@code recurrence} (an RFC 5545 RRULE), {@code scope} (services and environments; empty: all).
 */
public final class ChangeWindowEvents {

    private ChangeWindowEvents() {
    }

    public record Declared(UUID windowId, String name, String reason, Instant start, Instant end, String timeZone,
            @Nullable String recurrence, List<String> services, List<String> environments, String declaredBy) {
    }

    public record Ended(UUID windowId, String name, List<String> services, List<String> environments,
            String endedBy, Instant endedAt) {
    }

    public static CdEvent created(CdEvent.Origin origin, Declared d) {
        return CdEvent.of(CdEventType.CHANGEWINDOW_CREATED, origin, d.windowId().toString(),
                Content.of().put("windowType", "freeze").put("name", d.name()).put("reason", d.reason())
                        .put("start", d.start()).put("end", d.end()).put("timeZone", d.timeZone())
                        .put("recurrence", d.recurrence()).put("scope", scope(d.services(), d.environments()))
                        .put("createdBy", d.declaredBy()).map(),
                Content.of().put("windowId", d.windowId()).map());
    }

    public static CdEvent ended(CdEvent.Origin origin, Ended e) {
        return CdEvent.of(CdEventType.CHANGEWINDOW_ENDED, origin, e.windowId().toString(),
                Content.of().put("windowType", "freeze").put("name", e.name())
                        .put("scope", scope(e.services(), e.environments())).put("endedBy", e.endedBy())
                        .put("endedAt", e.endedAt()).map(),
                Content.of().put("windowId", e.windowId()).map());
    }

    private static java.util.Map<String, Object> scope(List<String> services, List<String> environments) {
        return java.util.Map.of("services", List.copyOf(services), "environments", List.copyOf(environments));
    }
}
