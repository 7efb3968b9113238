package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An authorized change is held by freeze windows covering its service and environment: it may proceed at
 * {@code heldUntil}, when {@code change.authorized.v1} follows on its own (or another {@code change.held.v1}, if a
 * window declared meanwhile covers it then).
 */
@EventType("change.held.v1")
public record ChangeHeld(UUID changeId, ChangeType type, String service, String environment,
        @Nullable UUID deploymentId, List<UUID> windowIds, String reason, Instant heldUntil, Instant heldAt)
        implements ChangeEvent {
}
