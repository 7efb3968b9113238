package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** The implementation of a change failed: its deployment failed, for the reason given when there is one. */
@EventType("change.failed.v1")
public record ChangeFailed(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
        @Nullable String reason, Instant failedAt) implements ChangeEvent {
}
