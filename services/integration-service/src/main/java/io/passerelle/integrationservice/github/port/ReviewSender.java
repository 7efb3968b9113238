package io.passerelle.integrationservice.github.port;

/** Sends the queued reviews, outside any transaction (port; the review worker). */
public interface ReviewSender {

    /** A review was queued in the current transaction: send it once that transaction commits. */
    void sendAfterCommit();
}
