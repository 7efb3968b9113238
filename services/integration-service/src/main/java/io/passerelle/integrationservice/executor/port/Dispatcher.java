package io.passerelle.integrationservice.executor.port;

/** Sends the PENDING dispatches, outside any transaction (port; the dispatch worker). */
public interface Dispatcher {

    /** A dispatch was recorded in the current transaction: send it once that transaction commits. */
    void dispatchAfterCommit();
}
