package io.passerelle.platform.outbox;

import java.time.Clock;

import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.trace.TraceCarrier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, StreamBridge bridge, OutboxProperties properties,
            TraceCarrier traces, JsonMapper json) {
        return new OutboxRelay(jdbc, tx, bridge, properties, traces, json);
    }

    /** The one publishing port of a service; an event's wire shape is its record, in the {@link WireFormat}. */
    @Bean
    EventPublisher eventPublisher(JdbcClient jdbc, JsonMapper json, Clock clock, OutboxRelay relay,
            TraceCarrier traces, @Value("${spring.application.name}") String application) {
        return new JdbcOutbox(jdbc, WireFormat.of(json), clock, "/passerelle/" + application, relay, traces);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc) {
        return new OutboxMetrics(jdbc);
    }
}
