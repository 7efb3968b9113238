package io.passerelle.integrationservice.cdeventsin.port;

import java.time.Instant;

/** The CDEvents taken, by CloudEvents source + id (port). */
public interface ReceivedCdEvents {

    /** Records it; false when this source + id was recorded already (a redelivery). */
    boolean record(String source, String id, String type, String sender, Instant receivedAt);
}
