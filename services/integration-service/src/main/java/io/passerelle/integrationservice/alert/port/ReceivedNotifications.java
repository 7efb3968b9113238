package io.passerelle.integrationservice.alert.port;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.alert.Source;
import org.jspecify.annotations.Nullable;

/** The notifications that published something lately, by the digest of their body (port). */
public interface ReceivedNotifications {

    /** A notification with this body received at or after {@code since}. */
    Optional<Received> since(Source source, String bodySha256, Instant since);

    /**
     * Records the notification, forgetting those received before {@code since}; false when one with the same body,
     * received at or after {@code since}, is recorded already (it came in at the same time, in another transaction).
     */
    boolean record(Source source, String bodySha256, @Nullable String signature, Instant at, Instant since);

    /** @param signature the signature it came with, when its timestamp made it unique */
    record Received(Instant at, @Nullable String signature) {
    }
}
