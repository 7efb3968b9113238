package io.passerelle.platform.event;

/**
 * Something that happened to an aggregate, registered by the aggregate and published through the
 * {@link EventPublisher} when the aggregate is saved. Implementations are records annotated with {@link EventType};
 * their components are the event's data on the wire.
 */
public interface DomainEvent {

    /** The aggregate the event is about (its id), carried as the CloudEvent subject; not part of the data. */
    String subject();
}
