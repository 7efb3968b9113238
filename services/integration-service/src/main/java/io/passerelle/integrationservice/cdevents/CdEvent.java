package io.passerelle.integrationservice.cdevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One CDEvent: its context (id, source, type, timestamp) and its subject (id, content), plus Passerelle's own ids as
 * {@code customData}. The id is derived from the Passerelle event that caused it and the CDEvent's type, so the same
 * cause always yields the same id: a consumer that deduplicates on CloudEvents {@code source} + {@code id} sees a
 * redelivery as the duplicate it is.
 */
public record CdEvent(CdEventType type, String id, String source, Instant timestamp, String subjectId,
        Map<String, Object> content, Map<String, Object> customData) {

    public CdEvent {
        content = Map.copyOf(content);
        customData = Map.copyOf(customData);
    }

    public static CdEvent of(CdEventType type, Origin origin, String subjectId, Map<String, Object> content,
            Map<String, Object> customData) {
        var id = UUID.nameUUIDFromBytes((origin.eventId() + " " + type.wire()).getBytes(StandardCharsets.UTF_8));
        return new CdEvent(type, id.toString(), origin.source(), origin.time(), subjectId, content, customData);
    }

    /** The CDEvent as the spec lays it out (context, subject, customData), for a JSON writer. */
    public Map<String, Object> document() {
        var context = new LinkedHashMap<String, Object>();
        context.put("specversion", type.specVersion());
        context.put("id", id);
        context.put("source", source);
        context.put("type", type.wire());
        context.put("timestamp", timestamp.toString());
        var subject = new LinkedHashMap<String, Object>();
        subject.put("id", subjectId);
        subject.put("source", source);
        subject.put("content", content);
        var document = new LinkedHashMap<String, Object>();
        document.put("context", context);
        document.put("subject", subject);
        if (!customData.isEmpty()) {
            document.put("customData", Map.of("passerelle", customData));
            document.put("customDataContentType", "application/json");
        }
        return document;
    }

    /**
     * What caused a CDEvent: the Passerelle event's id and time, and the source Passerelle speaks as.
     *
     * @param source context.source and subject.source (a URI reference, {@code /passerelle} unless configured)
     */
    public record Origin(String eventId, Instant time, String source) {
    }
}
