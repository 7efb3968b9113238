package io.passerelle.integrationservice.chatops.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.chatops.ChatMessage;
import io.passerelle.platform.outbound.OutboxPoster;

/**
 * The chat outbox: messages appended in the transaction of the event that caused them (the same id again adds
 * nothing), claimed with a lease by the poster, delivered, retried later or dead; dead ones listed and replayed by an
 * operator; delivered ones forgotten after the retention. The poster's {@link OutboxPoster.Rows}: failed = dead.
 */
public interface ChatOutbox extends OutboxPoster.Rows<ChatOutbox.Due> {

    /** A message as written: its body rendered, to one channel. */
    record Outgoing(UUID id, String channel, String notification, String eventId, String body) {
    }

    /** A message claimed for one delivery. */
    record Due(UUID id, String channel, String body, int attempts) {
    }

    void append(Outgoing message, Instant at);

    @Override
    default int attempts(Due message) {
        return message.attempts();
    }

    @Override
    default String describe(Due message) {
        return "chat message " + message.id() + " to channel " + message.channel();
    }

    List<ChatMessage> inState(ChatMessage.State state, int limit);

    Optional<ChatMessage> find(UUID id);

    /** A dead message due again now, its attempts counted afresh; false when it is not dead. */
    boolean replay(UUID id, Instant now);

    int purgeDelivered(Instant before);
}
