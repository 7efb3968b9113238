package io.passerelle.integrationservice.chatops.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.passerelle.integrationservice.chatops.NotifyChat;
import io.passerelle.integrationservice.chatops.port.ChatChannels;
import io.passerelle.integrationservice.chatops.port.ChatOutbox;
import io.passerelle.integrationservice.chatops.port.ChatOutbox.Due;
import io.passerelle.integrationservice.chatops.port.ChatPoster;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboxPoster;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the chat outbox to the channels' incoming webhooks (Slack and Mattermost take the same POST of a JSON body),
 * as the platform's {@link OutboxPoster} does: the webhook URL unsealed for the call only, judged by the outbound guard,
 * retried at once and then with backoff, dead once the attempts are spent or the webhook refuses it for good (a 4xx
 * such as Slack's {@code 404 no_service} for a removed webhook) or its channel was removed. A Mattermost channel's
 * action token goes into the body at this moment only. Delivered rows are forgotten after the retention.
 */
public class ChatWebhookPoster extends OutboxPoster<Due> implements ChatPoster {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final ChatOutbox outbox;
    private final ChatChannels channels;
    private final SecretSealer sealer;
    private final Duration retention;
    private volatile Instant lastPurge = Instant.EPOCH;

    public ChatWebhookPoster(ChatOutbox outbox, ChatChannels channels, SecretSealer sealer, OutboundGuard guard,
            PinnedHttpClient http, TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration lease,
            Duration pollInterval, int concurrency, Duration retention) {
        super("chat-webhooks", "the chat webhook", outbox, lease, guard, http, tx, clock, policy, pollInterval,
                concurrency);
        this.outbox = outbox;
        this.channels = channels;
        this.sealer = sealer;
        this.retention = retention;
    }

    @Override
    protected Request request(Due message) throws Refused {
        var channel = channels.named(message.channel()).orElseThrow(() -> new Refused("chat channel "
                + message.channel() + " was removed"));
        var body = message.body();
        if (channel.actionTokenSealed() != null) {
            body = body.replace(NotifyChat.ACTION_TOKEN, sealer.unseal(channel.actionTokenSealed()));
        }
        return new Request(sealer.unseal(channel.webhookUrlSealed()), Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void beforeClaim(Instant now) {
        if (lastPurge.plus(PURGE_EVERY).isBefore(now)) {
            lastPurge = now;
            outbox.purgeDelivered(now.minus(retention));
        }
    }
}
