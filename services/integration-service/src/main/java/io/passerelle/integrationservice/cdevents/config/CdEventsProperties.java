package io.passerelle.integrationservice.cdevents.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.cdevents.*}: how Passerelle speaks as CDEvents and where they go besides the exchange.
 *
 * @param source context.source of every CDEvent (a URI reference)
 * @param consoleUrl the console's base URL, for tickets' and approvals' links
 * @param exchange the relay to {@code passerelle.cdevents}
 * @param sinks HTTP receivers (CloudEvents binary mode), none by default
 * @param delivery how sinks are called and retried
 */
@ConfigurationProperties("passerelle.cdevents")
record CdEventsProperties(@DefaultValue("/passerelle") String source,
        @DefaultValue("http://127.0.0.1:8080") String consoleUrl, @DefaultValue Exchange exchange,
        @DefaultValue List<Sink> sinks, @DefaultValue Delivery delivery) {

    /**
     * @param confirmTimeout how long the broker's confirm of one message is awaited
     * @param retention how long delivered rows of the outbox are kept (every destination's)
     */
    record Exchange(@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1s") Duration backoff, @DefaultValue("1m") Duration maxBackoff,
            @DefaultValue("7d") Duration retention) {
    }

    /** @param bearerToken sent as {@code Authorization: Bearer}; @param secret signs the body (HMAC-SHA256) */
    record Sink(String name, String url, @Nullable String bearerToken, @Nullable String secret) {
    }

    record Delivery(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("10") int maxAttempts, @DefaultValue("1s") Duration backoff,
            @DefaultValue("5m") Duration maxBackoff, @DefaultValue("1m") Duration lease,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("4") int concurrency) {
    }
}
