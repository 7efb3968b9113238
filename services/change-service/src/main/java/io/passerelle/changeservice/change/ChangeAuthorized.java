package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A change was authorized: pre-approved (standard) or approved by a change manager. */
@EventType("change.authorized.v1")
public record ChangeAuthorized(UUID changeId, ChangeType type, String service, String environment,
        @Nullable UUID deploymentId, String authorizedBy, Instant authorizedAt) implements ChangeEvent {
}
