package io.passerelle.integrationservice.chataction.port;

import java.time.Instant;

/** The signatures of the Slack requests received within the window (port). */
public interface SlackRequests {

    /**
     * Records the signature, forgetting those received before {@code since}.
     *
     * @return false when it was received before (a replay)
     */
    boolean record(String signature, Instant at, Instant since);
}
