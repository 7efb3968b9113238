package io.passerelle.integrationservice.chatops.config;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.chatops.ConfigureChatChannels;
import io.passerelle.integrationservice.chatops.NotifyChat;
import io.passerelle.integrationservice.chatops.ReplayChatMessages;
import io.passerelle.integrationservice.chatops.adapter.template.MustacheMessageTemplates;
import io.passerelle.integrationservice.chatops.adapter.webhook.ChatWebhookPoster;
import io.passerelle.integrationservice.chatops.port.ChatChannels;
import io.passerelle.integrationservice.chatops.port.ChatOutbox;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatOpsProperties.class)
class ChatOpsConfiguration {

    @Bean
    MustacheMessageTemplates chatTemplates(ChatOpsProperties properties, JsonMapper json) {
        return new MustacheMessageTemplates(properties.templates(), json);
    }

    @Bean(destroyMethod = "close")
    PinnedHttpClient chatWebhookClient(ChatOpsProperties properties, ObservationRegistry observations) {
        var delivery = properties.delivery();
        return new PinnedHttpClient("chat webhooks", delivery.connectTimeout(), delivery.readTimeout(),
                Math.max(1, delivery.concurrency()), observations);
    }

    @Bean
    ChatWebhookPoster chatWebhookPoster(ChatOutbox outbox, ChatChannels channels, SecretSealer sealer,
            OutboundGuard guard, PinnedHttpClient chatWebhookClient, TransactionTemplate tx, Clock clock,
            ChatOpsProperties properties) {
        var delivery = properties.delivery();
        return new ChatWebhookPoster(outbox, channels, sealer, guard, chatWebhookClient, tx, clock,
                new DeliveryPolicy(delivery.backoff(), delivery.maxBackoff(), Math.max(1, delivery.maxAttempts())),
                delivery.lease(), delivery.pollInterval(), delivery.concurrency(), delivery.retention());
    }

    @Bean
    NotifyChat notifyChat(ChatChannels channels, ChatOutbox outbox, MustacheMessageTemplates chatTemplates,
            ChatWebhookPoster chatWebhookPoster, ChatOpsProperties properties, Clock clock) {
        return new NotifyChat(channels, outbox, chatTemplates, chatWebhookPoster, properties.publicUrl(), clock);
    }

    @Bean
    ConfigureChatChannels configureChatChannels(ChatChannels channels, SecretSealer sealer, OutboundGuard guard,
            Clock clock) {
        return new ConfigureChatChannels(channels, sealer, guard, clock);
    }

    @Bean
    ReplayChatMessages replayChatMessages(ChatOutbox outbox, ChatWebhookPoster chatWebhookPoster, Clock clock) {
        return new ReplayChatMessages(outbox, chatWebhookPoster, clock);
    }
}
