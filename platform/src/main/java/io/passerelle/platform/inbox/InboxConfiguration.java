package io.passerelle.platform.inbox;

import java.util.LinkedHashMap;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    /** Static: it runs before the beans exist, so that the binder sees the routing keys the handlers declare. */
    @Bean
    static InboxRouting inboxRouting() {
        return new InboxRouting();
    }

    /** The bean name is the function the binder binds as {@code events-in-0}. */
    @Bean
    EventInbox events(ConfigurableListableBeanFactory beans, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json,
            @Value("${spring.application.name}") String consumer, ObservationRegistry observations) {
        var handlers = new LinkedHashMap<String, DeclaredHandlers.Handler>();
        DeclaredHandlers.scan(beans).forEach((type, declaration) ->
                handlers.put(type, DeclaredHandlers.Handler.bind(declaration, beans.getBean(declaration.beanName()))));
        return new EventInbox(handlers, new ProcessedMessages(jdbc), tx, json, consumer, observations);
    }

    @Bean
    ProcessedMessageRetention processedMessageRetention(JdbcClient jdbc,
            @Value("${passerelle.inbox.retention:30d}") java.time.Duration retention) {
        return new ProcessedMessageRetention(jdbc, retention);
    }
}
