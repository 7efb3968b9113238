package io.passerelle.console.live;

import java.util.ArrayList;
import java.util.UUID;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Listens to the services' events on {@code passerelle.events} through a queue of the console's own: one per process,
 * exclusive and deleted with the connection, since a signal missed while the console is down has no one to reach.
 * Only the routing key (the event type) is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceEvents {

    static final String EXCHANGE = "passerelle.events";

    /** Named per process; declared without a queue type's arguments, which older brokers refuse on a classic queue. */
    @Bean
    Queue consoleSignals() {
        return new Queue("passerelle.console.signals." + UUID.randomUUID(), false, true, true);
    }

    @Bean
    Declarables consoleBindings(Queue consoleSignals) {
        // the same declaration as the services' (durable topic): declaring it again changes nothing
        var events = new TopicExchange(EXCHANGE, true, false);
        var bindings = LiveUpdates.KINDS.stream()
                .map(kind -> (Declarable) BindingBuilder.bind(consoleSignals).to(events).with(kind + ".#"))
                .toList();
        var all = new ArrayList<Declarable>(bindings);
        all.add(events);
        return new Declarables(all);
    }

    @Bean
    SignalListener signalListener(LiveUpdates updates) {
        return new SignalListener(updates);
    }

    static final class SignalListener {

        private final LiveUpdates updates;

        SignalListener(LiveUpdates updates) {
            this.updates = updates;
        }

        @RabbitListener(queues = "#{consoleSignals.name}")
        void on(Message message) {
            updates.signal(message.getMessageProperties().getReceivedRoutingKey());
        }
    }
}
