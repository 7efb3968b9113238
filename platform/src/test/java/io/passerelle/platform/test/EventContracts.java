package io.passerelle.platform.test;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventTypes;
import io.passerelle.platform.outbox.WireFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks events against the shared contract: the JSON Schema of their type in api-specs/events/. */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonMapper WIRE = WireFormat.of(JsonMapper.builder().build());

    private EventContracts() {
    }

    /** Fails unless the event's data conforms to {@code api-specs/events/<type>.json}. */
    public static CloudEvent assertConforms(CloudEvent event) {
        var errors = schema(event.type()).validate(event.data());
        assertThat(errors).as("%s data %s against api-specs/events/%s.json", event.type(), event.data(), event.type())
                .isEmpty();
        return event;
    }

    /**
     * Fails unless the event, as the outbox serializes it, is exactly the recorded example of its type in
     * {@code api-specs/events/examples/<type>.json} (the shape producers sent before the event records became the
     * wire format), and conforms to its schema. The example is the contract's memory: change it only with a new
     * event version.
     */
    public static void assertMatchesRecorded(DomainEvent event) {
        var type = EventTypes.of(event.getClass());
        var data = assertConforms(event);
        var file = RepositoryFiles.root().resolve("api-specs/events/examples/" + type + ".json");
        assertThat(file).as("event %s has no recorded example in api-specs/events/examples", type).exists();
        try {
            assertThat(data).as("%s as published, against the recorded example %s", type, file)
                    .isEqualTo(WIRE.readTree(Files.readString(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fails unless the event, as the outbox serializes it, conforms to the schema of its type; returns its data. */
    public static JsonNode assertConforms(DomainEvent event) {
        // through the JSON text, as a consumer reads it (a long component and a small number in a file compare equal)
        var data = WIRE.readTree(WIRE.writeValueAsString(event));
        assertConforms(CloudEvent.of("/passerelle/test", EventTypes.of(event.getClass()), event.subject(),
                java.time.Instant.now(), data));
        return data;
    }

    /** The recorded example of an event type's data, for feeding consumers what producers really send. */
    public static JsonNode recorded(String type) {
        try {
            return WIRE.readTree(Files.readString(RepositoryFiles.root().resolve("api-specs/events/examples/" + type + ".json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
