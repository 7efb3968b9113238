package io.passerelle.platform.outbox;

/**
 * Records an event in the same database transaction as the state change that caused it; the
 * {@link OutboxRelay} publishes it to RabbitMQ after commit. Calling it outside a transaction is a bug.
 */
public interface Outbox {

    /**
     * @param type logical, versioned event name, e.g. {@code change.authorized.v1}
     * @param subject the aggregate the event is about (its id), carried as the CloudEvent subject
     * @param data the event payload; serialized as JSON
     */
    void append(String type, String subject, Object data);
}
