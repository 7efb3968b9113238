package io.passerelle.integrationservice.chatops;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A message of the chat outbox as an operator sees it: where it goes, how far it got, and why it failed. */
public record ChatMessage(UUID id, String channel, String notification, String eventId, State state, int attempts,
        Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
        @Nullable String failedReason) {

    public enum State {
        PENDING, DELIVERED, DEAD
    }
}
