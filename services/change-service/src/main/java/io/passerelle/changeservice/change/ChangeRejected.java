package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A change manager rejected a change, saying why. */
@EventType("change.rejected.v1")
public record ChangeRejected(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
        String rejectedBy, String reason, Instant rejectedAt) implements ChangeEvent {
}
