package io.passerelle.e2e.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A valid value for a schema, for the parts of a call the fixture does not set itself. */
final class Examples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Examples() {
    }

    static JsonNode of(Schema schema, SplittableRandom random) {
        if (schema.constant() != null) {
            return Fuzz.JSON.valueToTree(schema.constant());
        }
        if (!schema.enumValues().isEmpty()) {
            return Fuzz.JSON.valueToTree(Fuzz.pick(random, schema.enumValues()));
        }
        return switch (schema.type()) {
            case "object" -> {
                var object = NODES.objectNode();
                schema.properties().forEach((name, property) -> object.set(name, of(property, random)));
                var additional = schema.additional();
                if (additional != null && schema.properties().isEmpty()) {
                    object.set("key", of(additional, random));
                }
                yield object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                var items = schema.items();
                int count = Math.max(1, schema.integer("minItems") == null ? 1 : schema.integer("minItems"));
                for (int i = 0; items != null && i < count; i++) {
                    array.add(of(items, random));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.number("minimum") == null ? 1 : Math.max(1, schema.number("minimum")));
            case "number" -> NODES.numberNode(0.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(string(schema, random));
        };
    }

    static String string(Schema schema, SplittableRandom random) {
        var example = schema.node().get("example");
        if (example instanceof String given) {
            return given; // what the contract itself gives as a valid value (a time of day, a date-time)
        }
        var format = schema.format();
        if ("uuid".equals(format)) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if ("date-time".equals(format)) {
            return Instant.parse("2026-01-01T00:00:00Z").toString();
        }
        if ("uri".equals(format)) {
            return "https://example.org/fuzz";
        }
        int min = schema.integer("minLength") == null ? 1 : schema.integer("minLength");
        var pattern = schema.pattern();
        var candidates = List.of("fz-" + Fuzz.hex(random, 4), "fuzz-org/fz-" + Fuzz.hex(random, 4),
                "sha256=" + Fuzz.hex(random, 32), "https://example.org/fuzz", "fuzz value");
        for (var candidate : candidates) {
            var padded = candidate.length() >= min ? candidate : candidate + "x".repeat(min - candidate.length());
            if (pattern == null || Pattern.compile(pattern).matcher(padded).find()) {
                return padded;
            }
        }
        throw new IllegalStateException("no example for pattern " + pattern);
    }
}
