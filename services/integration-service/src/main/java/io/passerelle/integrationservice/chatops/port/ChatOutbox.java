package io.passerelle.integrationservice.chatops.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.chatops.ChatMessage;

/**
 * The chat outbox: messages appended in the transaction of the event that caused them (the same id again adds
 * nothing), claimed with a lease by the poster, delivered, retried later or dead; dead ones listed and replayed by an
 * operator; delivered ones forgotten after the retention.
 */
public interface ChatOutbox {

    /** A message as written: its body rendered, to one channel. */
    record Outgoing(UUID id, String channel, String notification, String eventId, String body) {
    }

    /** A message claimed for one delivery. */
    record Due(UUID id, String channel, String body, int attempts) {
    }

    void append(Outgoing message, Instant at);

    List<Due> claim(int max, Instant now, Duration lease);

    Optional<Instant> nextDue();

    void delivered(Due message, Instant at);

    void retryAt(Due message, Instant at, String reason);

    void dead(Due message, String reason);

    List<ChatMessage> inState(ChatMessage.State state, int limit);

    Optional<ChatMessage> find(UUID id);

    /** A dead message due again now, its attempts counted afresh; false when it is not dead. */
    boolean replay(UUID id, Instant now);

    int purgeDelivered(Instant before);
}
