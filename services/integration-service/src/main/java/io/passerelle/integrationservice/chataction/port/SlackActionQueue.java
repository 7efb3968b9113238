package io.passerelle.integrationservice.chataction.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.ChatUser;
import org.jspecify.annotations.Nullable;

/** The Slack actions accepted and not yet answered (port; an outbox worked by a claiming worker). */
public interface SlackActionQueue {

    /** A claimed action; {@code result} is its answer once it was performed (only the posting is retried). */
    record Queued(UUID id, ChatUser user, ChatAction action, String responseUrlSealed, int attempts,
            @Nullable String result) {
    }

    void add(ChatUser user, ChatAction action, String responseUrlSealed, Instant at);

    /** At most {@code max} due actions, leased until {@code leaseUntil}. */
    List<Queued> claim(int max, Instant now, Instant leaseUntil);

    Optional<Instant> nextDue();

    /** Keeps the answer and when to try posting it again. */
    void retry(UUID id, String result, Instant at);

    /** Answered, or given up. */
    void remove(UUID id);
}
