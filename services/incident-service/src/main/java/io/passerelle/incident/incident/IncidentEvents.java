package io.passerelle.incident.incident;

/** Where incident events go (port): the outbox, in the transaction of the change. */
public interface IncidentEvents {

    void publish(IncidentEvent event);
}
