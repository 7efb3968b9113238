package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A change was implemented successfully: its deployment succeeded. */
@EventType("change.closed.v1")
public record ChangeClosed(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
        Instant closedAt) implements ChangeEvent {
}
