package io.passerelle.integrationservice.github.port;

import java.time.Instant;

/** The deliveries already received (port). */
public interface Deliveries {

    /** Records the delivery; false when its id was already recorded. */
    boolean record(String deliveryId, String event, String service, Instant receivedAt);
}
