package io.passerelle.e2e.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** A JSON Schema of an OpenAPI 3.1 document, with {@code $ref} and {@code allOf} resolved on demand. */
record Schema(Map<String, Object> root, Map<String, Object> node) {

    static Schema of(Map<String, Object> root, @Nullable Object node) {
        var resolved = resolve(root, node == null ? Map.of() : asMap(node));
        return new Schema(root, resolved);
    }

    /** The schema's types: {@code type} as a string or a list (3.1); empty when untyped. */
    List<String> types() {
        var type = node.get("type");
        if (type instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (type != null) {
            return List.of(String.valueOf(type));
        }
        if (node.containsKey("properties")) {
            return List.of("object");
        }
        return List.of();
    }

    /** The first type that is not null. */
    String type() {
        return types().stream().filter(t -> !t.equals("null")).findFirst().orElse("");
    }

    boolean nullable() {
        return types().contains("null");
    }

    Map<String, Schema> properties() {
        var result = new LinkedHashMap<String, Schema>();
        var properties = node.get("properties");
        if (properties != null) {
            asMap(properties).forEach((name, schema) -> result.put(name, of(root, schema)));
        }
        return result;
    }

    List<String> required() {
        var required = node.get("required");
        return required instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** {@code additionalProperties: false}: an unknown field breaks the contract. */
    boolean closed() {
        return Boolean.FALSE.equals(node.get("additionalProperties"));
    }

    /** The schema of additional properties ({@code additionalProperties: {type: string}}), if any. */
    @Nullable
    Schema additional() {
        var additional = node.get("additionalProperties");
        return additional instanceof Map<?, ?> ? of(root, additional) : null;
    }

    @Nullable
    Schema items() {
        var items = node.get("items");
        return items == null ? null : of(root, items);
    }

    List<Object> enumValues() {
        var values = node.get("enum");
        return values instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    @Nullable
    Object constant() {
        return node.get("const");
    }

    @Nullable
    String pattern() {
        return (String) node.get("pattern");
    }

    @Nullable
    String format() {
        return (String) node.get("format");
    }

    @Nullable
    Integer integer(String keyword) {
        var value = node.get(keyword);
        return value instanceof Number n ? n.intValue() : null;
    }

    @Nullable
    Long number(String keyword) {
        var value = node.get(keyword);
        return value instanceof Number n ? n.longValue() : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
        var ref = node.get("$ref");
        if (ref instanceof String pointer) {
            var target = resolvePointer(root, pointer);
            var merged = new LinkedHashMap<>(resolve(root, target));
            node.forEach((k, v) -> {
                if (!k.equals("$ref")) {
                    merged.put(k, v);
                }
            });
            return merged;
        }
        var allOf = node.get("allOf");
        if (allOf instanceof List<?> parts) {
            var merged = new LinkedHashMap<String, Object>();
            var properties = new LinkedHashMap<String, Object>();
            var required = new ArrayList<Object>();
            for (var part : parts) {
                var resolved = resolve(root, asMap(part));
                merged.putAll(resolved);
                if (resolved.get("properties") instanceof Map<?, ?> p) {
                    properties.putAll(asMap(p));
                }
                if (resolved.get("required") instanceof List<?> r) {
                    required.addAll(r);
                }
            }
            node.forEach((k, v) -> {
                if (!k.equals("allOf")) {
                    merged.put(k, v);
                }
            });
            merged.put("properties", properties);
            merged.put("required", required);
            return merged;
        }
        return node;
    }

    private static Map<String, Object> resolvePointer(Map<String, Object> root, String pointer) {
        if (!pointer.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + pointer);
        }
        Object node = root;
        for (var token : pointer.substring(2).split("/")) {
            node = asMap(Objects.requireNonNull(node, pointer)).get(token.replace("~1", "/").replace("~0", "~"));
        }
        return asMap(Objects.requireNonNull(node, pointer));
    }
}
