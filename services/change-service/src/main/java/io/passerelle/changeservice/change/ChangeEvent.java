package io.passerelle.change.change;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What happened to a change, registered by the aggregate; the messaging adapter maps each to its wire type. */
public sealed interface ChangeEvent {

    UUID changeId();

    record Raised(UUID changeId, ChangeType type, ChangeState state, String service, String environment,
            String title, String requestedBy, @Nullable UUID deploymentId, @Nullable UUID releaseId,
            Instant raisedAt) implements ChangeEvent {
    }

    record Authorized(UUID changeId, ChangeType type, String service, String environment,
            @Nullable UUID deploymentId, String authorizedBy, Instant authorizedAt) implements ChangeEvent {
    }

    record Rejected(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            String rejectedBy, String reason, Instant rejectedAt) implements ChangeEvent {
    }

    record Closed(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            Instant closedAt) implements ChangeEvent {
    }

    record Failed(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            @Nullable String reason, Instant failedAt) implements ChangeEvent {
    }
}
