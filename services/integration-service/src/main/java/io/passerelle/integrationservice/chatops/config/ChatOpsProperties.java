package io.passerelle.integrationservice.chatops.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.chatops.*}.
 *
 * @param publicUrl the gateway's public base URL: console links in messages, Mattermost's action URL
 * @param templates a directory of templates that replace the shipped ones, file by file (none by default)
 * @param delivery how webhooks are called and retried
 */
@ConfigurationProperties("passerelle.chatops")
record ChatOpsProperties(@DefaultValue("http://127.0.0.1:8080") String publicUrl, @Nullable Path templates,
        @DefaultValue Delivery delivery) {

    /**
     * @param maxAttempts deliveries tried before a message is dead
     * @param retention how long delivered messages are kept
     */
    record Delivery(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("8") int maxAttempts, @DefaultValue("1s") Duration backoff,
            @DefaultValue("5m") Duration maxBackoff, @DefaultValue("1m") Duration lease,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("4") int concurrency,
            @DefaultValue("7d") Duration retention) {
    }
}
