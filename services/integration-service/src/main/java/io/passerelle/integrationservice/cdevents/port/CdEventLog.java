package io.passerelle.integrationservice.cdevents.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The CDEvents outbox as an operator reads it: what was produced, oldest first, and how each destination took it;
 * a delivery that failed for good made due again.
 */
public interface CdEventLog {

    /**
     * At most {@code limit} CDEvents produced from {@code since} on, oldest first.
     *
     * @param type a CDEvents type, or a prefix of one when it ends with a dot
     */
    List<Produced> since(Instant since, @Nullable String type, @Nullable String subject, int limit);

    Optional<DeliveryState> delivery(UUID id, String destination);

    /** Makes a failed delivery due at {@code now}, attempts from zero; false when it is not (or no longer) failed. */
    boolean replay(UUID id, String destination, Instant now);

    /** A produced CDEvent: its CloudEvents attributes, the CDEvent (JSON) and its deliveries. */
    record Produced(UUID id, String type, String source, String subject, Instant time, String cdevent,
            List<DeliveryState> deliveries) {
    }

    record DeliveryState(String destination, State state, int attempts, @Nullable Instant deliveredAt,
            @Nullable String reason) {
    }

    enum State { DELIVERED, PENDING, FAILED }
}
