package io.passerelle.platform.inbox;

import java.time.Instant;

import io.passerelle.platform.event.CloudEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a consumer sees it. {@link #dataAs(Class)} is a tolerant reader: the consumer declares a record with
 * only the fields it uses, and whatever else the producer sends is ignored.
 */
public final class InboundEvent {

    private final CloudEvent envelope;
    private final JsonMapper tolerant;

    InboundEvent(CloudEvent envelope, JsonMapper tolerant) {
        this.envelope = envelope;
        this.tolerant = tolerant;
    }

    public String id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public String source() {
        return envelope.source();
    }

    public @Nullable String subject() {
        return envelope.subject();
    }

    public Instant time() {
        return envelope.time();
    }

    public <T> T dataAs(Class<T> type) {
        return tolerant.treeToValue(envelope.data(), type);
    }
}
