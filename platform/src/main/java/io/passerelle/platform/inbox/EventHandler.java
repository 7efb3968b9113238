package io.passerelle.platform.inbox;

/**
 * Handles one logical event type. It runs inside the transaction that also records the event as processed, so
 * whatever it writes (state and outbox events) commits exactly once per event id.
 */
public interface EventHandler {

    /** The logical, versioned type this handler consumes, e.g. {@code deployment.planned.v1}. */
    String type();

    void handle(InboundEvent event);
}
