package io.passerelle.integrationservice.cdeventsin;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A received CDEvent, valid against the schema of its type, as the intake reads it. {@code source} and {@code id}: the
 * CloudEvent's (the duplicate key). {@code content}: {@code subject.content}'s text fields, and the {@code id} of
 * those that refer to something ({@code environment}, {@code service}); {@code customData}: the text fields of
 * {@code customData} when it is a JSON object (where a sender says what the spec has no field for). {@code timestamp}:
 * {@code context.timestamp}, which the schemas of the types taken in require.
 */
public record InboundCdEvent(String source, String id, String type, @Nullable Instant timestamp, String subjectId,
        Map<String, String> content, Map<String, String> customData) {

    public InboundCdEvent {
        content = Map.copyOf(content);
        customData = Map.copyOf(customData);
    }

    /** @throws InvalidCdEventException without one */
    Instant at() {
        if (timestamp == null) {
            throw new InvalidCdEventException("/context/timestamp", "context.timestamp is required");
        }
        return timestamp;
    }

    @Nullable String content(String field) {
        return content.get(field);
    }

    @Nullable String custom(String field) {
        var value = customData.get(field);
        return value == null || value.isBlank() ? null : value;
    }
}
