package io.passerelle.platform.outbox;

import java.time.Clock;

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
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, StreamBridge bridge, OutboxProperties properties) {
        return new OutboxRelay(jdbc, tx, bridge, properties);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, Clock clock, OutboxRelay relay,
            @Value("${spring.application.name}") String application) {
        return new JdbcOutbox(jdbc, json, clock, "/passerelle/" + application, relay);
    }
}
