package io.passerelle.integrationservice.cdevents.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CDEvents outbox as its deliverers see it, per destination ({@code amqp}, {@code sink:<name>}): due rows claimed
 * with a lease (in the caller's transaction; instances side by side), then delivered, retried later or failed.
 */
public interface CdEventDeliveries {

    /** A CDEvent due at one destination: its CloudEvents attributes and the CDEvent itself (JSON). */
    record Delivery(UUID id, String destination, String type, String source, String subject, Instant time,
            String body, int attempts) {
    }

    /** At most {@code max} due rows of the destination, leased until {@code now + lease}, attempts counted. */
    List<Delivery> claim(String destination, int max, Instant now, Duration lease);

    /** When the next row of the destination falls due (a retry, an expiring lease), if any. */
    Optional<Instant> nextDue(String destination);

    void delivered(Delivery delivery, Instant at);

    void retryAt(Delivery delivery, Instant at, String reason);

    /** Given up: the row stays, with the reason, and is not claimed again. */
    void failed(Delivery delivery, String reason);

    /** Forgets rows delivered before {@code before} (every destination); returns how many. */
    int purgeDelivered(Instant before);
}
