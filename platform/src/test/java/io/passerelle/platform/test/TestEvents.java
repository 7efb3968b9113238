package io.passerelle.platform.test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Gives integration tests an {@link EventProbe} on the service's (prefixed) exchange. */
@TestConfiguration(proxyBeanMethods = false)
public class TestEvents {

    /** AES-256 key for tests only; the running stack generates its own. */
    public static final String SECRETS_KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";

    @Bean(destroyMethod = "close")
    EventProbe eventProbe(ConnectionFactory connectionFactory, JsonMapper json,
            @Value("${spring.cloud.stream.rabbit.default.producer.prefix:}passerelle.events") String exchange) {
        return new EventProbe(connectionFactory, json, exchange);
    }
}
