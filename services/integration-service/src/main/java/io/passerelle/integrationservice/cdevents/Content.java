package io.passerelle.integrationservice.cdevents;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A CDEvent's content or custom data, built in order, leaving out what is absent (the schemas forbid nulls). */
final class Content {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Content of() {
        return new Content();
    }

    Content put(String name, @Nullable Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())
                && !(value instanceof String s && s.isBlank())) {
            fields.put(name, value instanceof java.util.UUID || value instanceof java.time.Instant
                    ? value.toString() : value);
        }
        return this;
    }

    Map<String, Object> map() {
        return fields;
    }

    /** {@code {"id": ...}}: how CDEvents refers to an environment or a service. */
    static Map<String, Object> ref(String id) {
        return Map.of("id", id);
    }

    /** A package URL naming a service's version: {@code pkg:generic/payments@1.4.2}. */
    static String artifact(String service, String version) {
        return "pkg:generic/" + encode(service) + "@" + encode(version);
    }

    /** A URN naming a person or a robot (CDEvents' requestor / responder): {@code urn:passerelle:user:alice}. */
    static String user(String name) {
        return "urn:passerelle:user:" + encode(name);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
