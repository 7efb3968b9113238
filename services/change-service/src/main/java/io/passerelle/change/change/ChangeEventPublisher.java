package io.passerelle.change.change;

import java.util.List;

/** Publishes what happened to changes, in the transaction that saved them. */
public interface ChangeEventPublisher {

    void publish(List<ChangeEvent> events);
}
