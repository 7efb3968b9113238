package io.passerelle.integrationservice.chataction;

import java.time.Clock;
import java.time.Duration;

import io.passerelle.integrationservice.chataction.port.ChatReplies;
import io.passerelle.integrationservice.chataction.port.ChatReplies.ReplyFailedException;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue.Queued;
import io.passerelle.platform.crypto.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one queued Slack action: performs it (once: its answer is kept before it is posted) and posts the answer to
 * the interaction's {@code response_url}. A post that may work later (Slack unreachable, 5xx, 429) is tried again
 * after {@code backoff}, doubled each time, until {@code maxAttempts}; then, or at once for a refusal, the answer is
 * dropped (logged; Slack's response_url lives 30 minutes anyway). An action whose answer was kept and whose instance
 * died before posting it is not performed again.
 */
public final class AnswerSlackAction {

    private static final Logger log = LoggerFactory.getLogger(AnswerSlackAction.class);

    private final PerformChatAction perform;
    private final SlackActionQueue queue;
    private final ChatReplies replies;
    private final SecretSealer sealer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;

    public AnswerSlackAction(PerformChatAction perform, SlackActionQueue queue, ChatReplies replies,
            SecretSealer sealer, Clock clock, int maxAttempts, Duration backoff) {
        this.perform = perform;
        this.queue = queue;
        this.replies = replies;
        this.sealer = sealer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** The action performed (when it was not yet), its answer kept; each step is its own short write. */
    public String performed(Queued queued) {
        if (queued.result() != null) {
            return queued.result();
        }
        var result = perform.perform(queued.user(), queued.action());
        queue.retry(queued.id(), result, clock.instant().plus(backoff));
        return result;
    }

    /** Posts the answer; done (removed) or put back for a later attempt. */
    public void post(Queued queued, String result) {
        try {
            replies.slack(sealer.unseal(queued.responseUrlSealed()), result);
            queue.remove(queued.id());
        } catch (ReplyFailedException e) {
            if (e.retryable() && queued.attempts() < maxAttempts) {
                queue.retry(queued.id(), result, clock.instant().plus(backoff.multipliedBy(1L << Math.min(
                        queued.attempts() - 1, 16))));
                return;
            }
            log.warn("The answer to Slack action {} ({}) was not posted: {}", queued.id(),
                    queued.action().describe(), e.getMessage());
            queue.remove(queued.id());
        }
    }
}
