package io.passerelle.platform.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    static final String ROUTING_KEYS = "spring.cloud.stream.rabbit.bindings.events-in-0.consumer.binding-routing-key";

    /** The bean name is the function the binder binds as {@code events-in-0}. */
    @Bean
    EventInbox events(List<EventHandler> handlers, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json,
            @Value("${spring.application.name}") String consumer) {
        return new EventInbox(handlers, new ProcessedMessages(jdbc), tx, json, consumer);
    }

    @Bean
    ProcessedMessageRetention processedMessageRetention(JdbcClient jdbc,
            @Value("${passerelle.inbox.retention:30d}") java.time.Duration retention) {
        return new ProcessedMessageRetention(jdbc, retention);
    }

    /** Fails start-up when a handler's type is not bound to the queue (it would silently never run), or vice versa. */
    @Bean
    SmartInitializingSingleton routingKeysMatchHandlers(EventInbox inbox,
            @Value("${" + ROUTING_KEYS + ":}") String routingKeys) {
        return () -> {
            Set<String> bound = Arrays.stream(routingKeys.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> handled = new TreeSet<>(inbox.handledTypes());
            if (!bound.equals(handled)) {
                throw new IllegalStateException("Event types bound to the queue " + bound
                        + " differ from the types with a handler " + handled + ": set " + ROUTING_KEYS);
            }
        };
    }
}
