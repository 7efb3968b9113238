package io.passerelle.integrationservice.cdeventsin.adapter.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.integrationservice.cdeventsin.CdEventKind;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CDEvents v0.5.1 JSON Schemas of the types taken in, shipped with the service ({@code classpath:cdevents/v0.5.1},
 * Apache-2.0, licence beside them), by CDEvents type; links resolved locally, never fetched.
 */
final class CdEventSchemas {

    static final String LOCATION = "classpath*:cdevents/v0.5.1/**/*.json";

    private final Map<String, Schema> byType = new HashMap<>();

    CdEventSchemas(JsonMapper json) {
        var byId = new HashMap<String, String>();
        var idByType = new HashMap<String, String>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                var text = resource.getContentAsString(StandardCharsets.UTF_8);
                var node = json.readTree(text);
                byId.put(node.get("$id").asString(), text);
                var type = node.path("properties").path("context").path("properties").path("type").path("enum");
                if (type.isArray() && !type.isEmpty()) {
                    idByType.put(type.get(0).asString(), node.get("$id").asString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
        for (var kind : CdEventKind.values()) {
            var id = idByType.get(kind.wire());
            if (id == null) {
                throw new IllegalStateException("no CDEvents schema of " + kind.wire() + " in " + LOCATION);
            }
            byType.put(kind.wire(), registry.getSchema(SchemaLocation.of(id)));
        }
    }

    /** A field that breaks the schema: its JSON pointer in the CDEvent, and what is wrong with it. */
    record Violation(String pointer, String message) {
    }

    /** The violations of the schema of {@code type} (a type taken in), in document order; none when valid. */
    List<Violation> violations(String type, JsonNode cdevent) {
        var schema = byType.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("no schema of " + type);
        }
        var violations = new ArrayList<Violation>();
        for (Error error : schema.validate(cdevent)) {
            violations.add(new Violation(pointer(error), error.getMessage()));
        }
        return violations.stream().sorted(java.util.Comparator.comparing(Violation::pointer)).distinct().toList();
    }

    /** The instance location as a JSON pointer; a missing required property is pointed at, not its parent. */
    private static String pointer(Error error) {
        var path = error.getInstanceLocation();
        var pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
