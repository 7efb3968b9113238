package io.passerelle.platform.event;

import java.util.List;

/**
 * The one port through which a service publishes its events: it records them in the same database transaction as
 * the state change that caused them (the transactional outbox), and the relay sends them to RabbitMQ after commit.
 * Calling it outside a transaction is a bug.
 */
public interface EventPublisher {

    void publish(DomainEvent event);

    default void publish(List<? extends DomainEvent> events) {
        events.forEach(this::publish);
    }
}
