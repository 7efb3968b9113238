package io.passerelle.integrationservice.cdeventsin.adapter.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import io.passerelle.integrationservice.cdeventsin.CdEventKind;
import io.passerelle.integrationservice.cdeventsin.InboundCdEvent;
import io.passerelle.integrationservice.cdeventsin.InvalidCdEventException;
import io.passerelle.platform.web.JsonErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CloudEvent carried over HTTP (CloudEvents HTTP Protocol Binding 1.0) whose data is a CDEvent: structured
 * mode ({@code application/cloudevents+json}, the event's attributes and its {@code data} in the body) or binary mode
 * (the attributes in {@code ce-*} headers, percent-decoded; the CDEvent as the JSON body). Batched mode is refused.
 * The CloudEvent's type must be the CDEvent's {@code context.type}; a CDEvent of a type taken in must conform to its
 * schema. Every refusal names what is wrong.
 */
final class CloudEventReader {

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    static final String SPEC_VERSION = "1.0";

    private final JsonMapper json;
    private final CdEventSchemas schemas;

    CloudEventReader(JsonMapper json, CdEventSchemas schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /**
     * @throws UnsupportedContentTypeException neither mode (415)
     * @throws IllegalArgumentException not a CloudEvent, or not JSON (400)
     * @throws InvalidCdEventException the types differ, or the CDEvent breaks its schema (422)
     */
    InboundCdEvent read(HttpHeaders headers, byte[] body) {
        var contentType = mediaType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        String id;
        String source;
        String type;
        JsonNode cdevent;
        if (contentType != null && STRUCTURED.isCompatibleWith(contentType)) {
            var event = object(body, "the body is not a CloudEvent in JSON (structured mode)");
            version(text(event.get("specversion")), "specversion");
            id = required(text(event.get("id")), "id");
            source = required(text(event.get("source")), "source");
            type = required(text(event.get("type")), "type");
            var dataType = text(event.get("datacontenttype"));
            if (dataType != null && !json(mediaType(dataType))) {
                throw new UnsupportedContentTypeException("datacontenttype '" + dataType + "': the CDEvent is JSON");
            }
            if (event.has("data_base64") || !event.path("data").isObject()) {
                throw new IllegalArgumentException("data: the CDEvent, as a JSON object (not data_base64)");
            }
            cdevent = event.get("data");
        } else if (contentType != null && BATCH.isCompatibleWith(contentType)) {
            throw new UnsupportedContentTypeException("batched mode is not taken: send one CloudEvent per request,"
                    + " in structured (application/cloudevents+json) or binary mode");
        } else if (json(contentType)) {
            if (headers.getFirst("ce-specversion") == null) {
                throw new IllegalArgumentException("binary mode needs the ce-specversion, ce-id, ce-source and ce-type"
                        + " headers; or send the CloudEvent as application/cloudevents+json (structured mode)");
            }
            version(header(headers, "ce-specversion"), "ce-specversion");
            id = required(header(headers, "ce-id"), "ce-id");
            source = required(header(headers, "ce-source"), "ce-source");
            type = required(header(headers, "ce-type"), "ce-type");
            cdevent = object(body, "the body is not a CDEvent in JSON (binary mode)");
        } else {
            throw new UnsupportedContentTypeException("Content-Type " + (contentType == null ? "(none)" : "'"
                    + contentType + "'") + ": send application/cloudevents+json (structured mode) or"
                    + " application/json with ce-* headers (binary mode)");
        }
        var context = cdevent.path("context");
        if (!type.equals(text(context.get("type")))) {
            throw new InvalidCdEventException("/context/type", "the CloudEvent's type '" + type + "' is not the"
                    + " CDEvent's context.type '" + text(context.get("type")) + "'");
        }
        if (CdEventKind.of(type).isPresent()) {
            var violations = schemas.violations(type, cdevent);
            if (!violations.isEmpty()) {
                throw new SchemaViolationException(type, violations);
            }
        }
        var subject = cdevent.path("subject");
        return new InboundCdEvent(source, id, type, timestamp(text(context.get("timestamp"))),
                String.valueOf(text(subject.get("id"))), fields(subject.path("content")),
                fields(cdevent.path("customData")));
    }

    private JsonNode object(byte[] body, String notJson) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(notJson + ": " + JsonErrors.describe(e));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(notJson);
        }
        return node;
    }

    /** Text fields as they are, and a reference ({@code {"id": ...}}) by its id. */
    private static Map<String, String> fields(JsonNode object) {
        var fields = new HashMap<String, String>();
        if (object.isObject()) {
            for (var entry : object.properties()) {
                var value = entry.getValue();
                if (value.isString()) {
                    fields.put(entry.getKey(), value.asString());
                } else if (value.isObject() && value.path("id").isString()) {
                    fields.put(entry.getKey(), value.get("id").asString());
                }
            }
        }
        return fields;
    }

    private static @Nullable Instant timestamp(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCdEventException("/context/timestamp", "context.timestamp '" + text
                    + "' is not an RFC 3339 date-time");
        }
    }

    private static void version(@Nullable String version, String attribute) {
        if (!SPEC_VERSION.equals(version)) {
            throw new IllegalArgumentException(attribute + ": CloudEvents " + SPEC_VERSION + " only (got " + version
                    + ")");
        }
    }

    private static String required(@Nullable String value, String attribute) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(attribute + ": a CloudEvent needs it");
        }
        return value;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }

    private static @Nullable String header(HttpHeaders headers, String name) {
        var value = headers.getFirst(name);
        return value == null ? null : percentDecoded(value, name);
    }

    /** CloudEvents' HTTP binding percent-encodes header values (3.1.3.2): {@code %XX} are UTF-8 bytes, {@code +} is a plus. */
    static String percentDecoded(String value, String name) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException(name + ": a '%' not followed by two hex digits");
                }
                bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static @Nullable MediaType mediaType(@Nullable String value) {
        try {
            return value == null ? null : MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static boolean json(@Nullable MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "json".equals(type.getSubtypeSuffix())) && !STRUCTURED.isCompatibleWith(type)
                && !BATCH.isCompatibleWith(type) && !type.getType().equals("*");
    }
}
