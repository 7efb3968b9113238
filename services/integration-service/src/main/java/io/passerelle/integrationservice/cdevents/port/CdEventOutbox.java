package io.passerelle.integrationservice.cdevents.port;

import java.util.List;

import io.passerelle.integrationservice.cdevents.CdEvent;

/**
 * Where CDEvents wait to be delivered: appended in the caller's transaction (that of the Passerelle event that caused
 * them), once for the exchange and once for each HTTP sink; an event appended again (same id) is not added twice.
 */
public interface CdEventOutbox {

    void append(List<CdEvent> events);
}
