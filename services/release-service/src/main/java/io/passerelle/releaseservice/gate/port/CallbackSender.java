package io.passerelle.releaseservice.gate.port;

/** Sends scheduled callbacks (port of the callback worker). */
public interface CallbackSender {

    /** Sends what is due once the current transaction has committed (before, its rows are not visible). */
    void sendAfterCommit();
}
