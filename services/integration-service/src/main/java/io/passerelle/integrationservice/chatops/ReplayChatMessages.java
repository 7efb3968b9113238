package io.passerelle.integrationservice.chatops;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.chatops.port.ChatOutbox;
import io.passerelle.integrationservice.chatops.port.ChatPoster;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;

/** An operator's view of the chat outbox: the messages in a state (the dead ones first of all), and a replay. */
public final class ReplayChatMessages {

    public static final int LIMIT = 200;

    private final ChatOutbox outbox;
    private final ChatPoster poster;
    private final Clock clock;

    public ReplayChatMessages(ChatOutbox outbox, ChatPoster poster, Clock clock) {
        this.outbox = outbox;
        this.poster = poster;
        this.clock = clock;
    }

    public List<ChatMessage> inState(ChatMessage.State state) {
        return outbox.inState(state, LIMIT);
    }

    /**
     * A dead message posted again, with a fresh count of attempts.
     *
     * @throws NotFoundException no such message
     * @throws RuleViolationException it is not dead (409)
     */
    public ChatMessage replay(UUID id) {
        var message = outbox.find(id).orElseThrow(() -> new NotFoundException("chat message", id.toString()));
        if (!outbox.replay(id, clock.instant())) {
            throw RuleViolationException.conflict("chat message " + id + " is " + message.state()
                    + ", only a dead one is replayed");
        }
        poster.wakeUpAfterCommit();
        return outbox.find(id).orElseThrow();
    }
}
