package io.passerelle.platform.event;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured content mode: what travels as the body of every message on RabbitMQ.
 * {@code type} is the logical, versioned event name ({@code change.authorized.v1}), never a Java class name.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        @Nullable String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /**
     * The AMQP content type of Passerelle messages. The body is a CloudEvent in the JSON event format, but it is
     * not labelled {@code application/cloudevents+json}: Spring Cloud Function rewrites messages with that type
     * before the consumer sees them (it even invents an event from a body that is none); see ADR 0002.
     */
    public static final String CONTENT_TYPE = "application/json";

    public static CloudEvent of(String source, String type, String subject, Instant time, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time,
                "application/json", data);
    }

    /** Checks the attributes CloudEvents 1.0 requires, so that a malformed message fails loudly and goes to the DLQ. */
    public CloudEvent requireValid() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("unsupported CloudEvents specversion " + specversion);
        }
        if (id == null || id.isBlank() || type == null || type.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("CloudEvent without id, type or source");
        }
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent " + id + " carries no JSON object as data");
        }
        return this;
    }
}
