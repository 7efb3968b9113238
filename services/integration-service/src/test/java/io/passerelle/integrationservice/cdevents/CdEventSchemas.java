package io.passerelle.integrationservice.cdevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.platform.test.RepositoryFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CDEvents JSON Schemas of the shared vectors, by CDEvents type: v0.5.1's ({@code cdevents-v0.5.1/schemas}, their
 * {@code links/} resolved locally), the approval schemas of the spec's main branch ({@code cdevents-main-0.6.0-draft}).
 * One kind is derived, and says so: Passerelle's custom {@code dev.passerelle.*} events are held to the spec's context
 * and subject (service.deployed's, with the custom type and any content object).
 */
final class CdEventSchemas {

    static final String NO_VECTORS = RepositoryFiles.NO_VECTORS;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> idByType = new HashMap<>();
    private final SchemaRegistry registry;

    private CdEventSchemas(Path vectors) {
        var v051 = vectors.resolve("cdevents-v0.5.1/schemas");
        files(v051.resolve("links")).forEach(f -> {
            var text = read(f);
            register(text);
            register(text.replace("/0.5.1/", "/0.6.0-draft/")); // the draft's links are v0.5.1's
        });
        files(v051).forEach(f -> register(read(f)));
        files(vectors.resolve("cdevents-main-0.6.0-draft")).filter(f -> f.getFileName().toString().startsWith("schema__"))
                .forEach(f -> register(read(f)));
        for (var custom : CdEventType.values()) {
            if (custom.custom()) {
                derive(byId.get("https://cdevents.dev/0.5.1/schema/service-deployed-event"), custom.wire(),
                        content -> content.removeAll().put("type", "object"));
            }
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
    }

    static Optional<CdEventSchemas> load() {
        return RepositoryFiles.vectors().map(CdEventSchemas::new);
    }

    /** Fails unless the document conforms to the schema of its context.type; returns the document. */
    JsonNode assertValid(JsonNode document) {
        var type = document.path("context").path("type").asString();
        var id = idByType.get(type);
        assertThat(id).as("a CDEvents schema of %s", type).isNotNull();
        Schema schema = registry.getSchema(SchemaLocation.of(id));
        assertThat(schema.validate(document)).as("%s against %s: %s", type, id, document).isEmpty();
        return document;
    }

    JsonNode assertValid(CdEvent event) {
        return assertValid(json.valueToTree(event.document()));
    }

    private void register(String text) {
        var node = (ObjectNode) json.readTree(text);
        var id = node.get("$id").asString();
        byId.put(id, text);
        var type = node.path("properties").path("context").path("properties").path("type").path("enum");
        if (type.isArray() && !type.isEmpty()) {
            idByType.put(type.get(0).asString(), id);
        }
    }

    private void derive(String base, String type, java.util.function.Consumer<ObjectNode> content) {
        var node = (ObjectNode) json.readTree(base);
        node.put("$id", "https://cdevents.dev/0.5.1/schema/derived-by-passerelle-" + type);
        var contextType = (ObjectNode) node.get("properties").get("context").get("properties").get("type");
        contextType.putArray("enum").add(type);
        contextType.put("default", type);
        content.accept((ObjectNode) node.get("properties").get("subject").get("properties").get("content"));
        register(json.writeValueAsString(node));
    }

    private static Stream<Path> files(Path dir) {
        try (var list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
