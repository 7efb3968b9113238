package io.passerelle.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.platform.event.CloudEvent;

/** Checks events against the shared contract: the JSON Schema of their type in api-specs/events/. */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Fails unless the event's data conforms to {@code api-specs/events/<type>.json}. */
    public static CloudEvent assertConforms(CloudEvent event) {
        var errors = schema(event.type()).validate(event.data());
        assertThat(errors).as("%s data %s against api-specs/events/%s.json", event.type(), event.data(), event.type())
                .isEmpty();
        return event;
    }

    private static Schema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            var file = RepositoryFiles.root().resolve("api-specs/events/" + t + ".json");
            assertThat(file).as("event %s has no schema in api-specs/events", t).exists();
            try {
                return REGISTRY.getSchema(Files.readString(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
