package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A change was raised, by a planned deployment or by hand; a standard change is raised authorized. */
@EventType("change.raised.v1")
public record ChangeRaised(UUID changeId, ChangeType type, ChangeState state, String service, String environment,
        String title, String requestedBy, @Nullable UUID deploymentId, @Nullable UUID releaseId, Instant raisedAt)
        implements ChangeEvent {
}
