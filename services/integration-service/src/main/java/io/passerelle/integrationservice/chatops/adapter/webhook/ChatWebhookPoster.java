package io.passerelle.integrationservice.chatops.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the chat outbox to the channels' incoming webhooks (Slack and Mattermost take the same POST of a JSON body),
 * through the platform's {@link OutboxPoster}: the webhook URL unsealed for the call only, judged by the outbound guard,
 * retried at once and then with backoff, dead once the attempts are spent or the webhook refuses it for good (a 4xx
 * such as Slack's {@code 404 no_service} for a removed webhook) or its channel was removed. A Mattermost channel's
 * action token goes into the body at this moment only. Delivered rows are forgotten after the retention.
 */
public class ChatWebhookPoster implements ChatPoster, SmartLifecycle {

    private final ChatOutbox outbox;
    private final ChatChannels channels;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Duration retention;
    private final OutboxPoster<Due> poster;
    private volatile Instant lastPurge = Instant.EPOCH;

    public ChatWebhookPoster(ChatOutbox outbox, ChatChannels channels, SecretSealer sealer, OutboundGuard guard,
            PinnedHttpClient http, TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration lease,
            Duration pollInterval, int concurrency, Duration retention) {
        this.outbox = outbox;
        this.channels = channels;
        this.sealer = sealer;
        this.clock = clock;
        this.retention = retention;
        this.poster = new OutboxPoster<>("chat-webhooks", "the chat webhook", new OutboxPoster.Rows<>() {
            @Override
            public List<Due> claim(int max) {
                purgeNowAndThen();
                return outbox.claim(max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return outbox.nextDue();
            }

            @Override
            public int attempts(Due row) {
                return row.attempts();
            }

            @Override
            public void delivered(Due row) {
                outbox.delivered(row, clock.instant());
            }

            @Override
            public void retryLater(Due row, Instant at, String reason) {
                outbox.retryAt(row, at, reason);
            }

            @Override
            public void failed(Due row, String reason) {
                outbox.dead(row, reason);
            }

            @Override
            public String describe(Due row) {
                return "chat message " + row.id() + " to channel " + row.channel();
            }
        }, this::request, guard, http, tx, clock, policy, pollInterval, concurrency);
    }

    void deliver(Due message) {
        poster.deliver(message);
    }

    private OutboxPoster.Request request(Due message) throws OutboxPoster.Refused {
        var channel = channels.named(message.channel()).orElseThrow(() -> new OutboxPoster.Refused("chat channel "
                + message.channel() + " was removed"));
        var body = message.body();
        if (channel.actionTokenSealed() != null) {
            body = body.replace(NotifyChat.ACTION_TOKEN, sealer.unseal(channel.actionTokenSealed()));
        }
        return new OutboxPoster.Request(sealer.unseal(channel.webhookUrlSealed()),
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private void purgeNowAndThen() {
        var now = clock.instant();
        if (lastPurge.plus(Duration.ofMinutes(10)).isBefore(now)) {
            lastPurge = now;
            outbox.purgeDelivered(now.minus(retention));
        }
    }

    @Override
    public void wakeUpAfterCommit() {
        poster.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        poster.start();
    }

    @Override
    public void stop() {
        poster.stop();
    }

    @Override
    public boolean isRunning() {
        return poster.isRunning();
    }
}
