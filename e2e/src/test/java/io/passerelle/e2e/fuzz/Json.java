package io.passerelle.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Where a value sits in a request body, and what its schema says about it. */
record Json(List<Object> path, JsonNode value, Schema schema, boolean required, boolean strict) {

    /** Every value of {@code body} that the schema describes, the body itself first. */
    static List<Json> sites(JsonNode body, Schema schema) {
        var sites = new ArrayList<Json>();
        walk(body, schema, List.of(), true, schema.closed(), sites);
        return sites;
    }

    private static void walk(JsonNode value, Schema schema, List<Object> path, boolean required, boolean strict,
                             List<Json> sites) {
        sites.add(new Json(path, value, schema, required, strict));
        if (value instanceof ObjectNode object) {
            var properties = schema.properties();
            var additional = schema.additional();
            for (var name : object.propertyNames()) {
                var property = properties.get(name);
                var child = property != null ? property : additional;
                if (child != null) {
                    walk(object.get(name), child, append(path, name), schema.required().contains(name), schema.closed(), sites);
                }
            }
        } else if (value instanceof ArrayNode array && schema.items() != null) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), schema.items(), append(path, i), true, strict, sites);
            }
        }
    }

    String pointer() {
        var pointer = new StringBuilder();
        path.forEach(p -> pointer.append('/').append(p));
        return pointer.isEmpty() ? "(body)" : pointer.toString();
    }

    /** {@code root} with the value at {@code path} replaced (the root itself when the path is empty). */
    static JsonNode set(JsonNode root, List<Object> path, @Nullable JsonNode value) {
        var replacement = value == null ? Fuzz.JSON.nullNode() : value;
        if (path.isEmpty()) {
            return replacement;
        }
        var parent = at(root, path.subList(0, path.size() - 1));
        var last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.set((String) last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, replacement);
        }
        return root;
    }

    static JsonNode at(JsonNode root, List<Object> path) {
        var node = root;
        for (var step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object step) {
        var longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
