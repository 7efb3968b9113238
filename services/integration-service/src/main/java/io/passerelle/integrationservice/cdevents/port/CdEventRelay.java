package io.passerelle.integrationservice.cdevents.port;

/** A deliverer of the CDEvents outbox (the exchange's relay, the sinks' worker), woken once new rows are committed. */
public interface CdEventRelay {

    void wakeUpAfterCommit();
}
