package io.passerelle.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize events claimed and published per round
 * @param pollInterval how long the relay sleeps when nothing woke it
 * @param confirmTimeout how long it waits for the broker's confirms of one batch
 * @param retention how long published rows are kept for audit before they are purged
 */
@ConfigurationProperties("passerelle.outbox")
public record OutboxProperties(
        @DefaultValue("200") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("7d") Duration retention) {
}
