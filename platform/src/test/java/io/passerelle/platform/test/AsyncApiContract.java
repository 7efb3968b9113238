package io.passerelle.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.passerelle.platform.event.EventType;
import io.passerelle.platform.inbox.HandlesEvent;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@code api-specs/asyncapi.yaml} against the code: a service publishes exactly the messages whose
 * {@code x-producer} it is (its {@link EventType} records), receives exactly the operations whose
 * {@code x-consumer} it is (its {@link HandlesEvent} methods), and every message's data is a schema file of
 * {@code api-specs/events} with a recorded example, and the other way round.
 */
public final class AsyncApiContract {

    private AsyncApiContract() {
    }

    public static void assertMatches(String service, String rootPackage) {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        Set<String> published = classes.stream().filter(c -> c.isAnnotatedWith(EventType.class))
                .map(c -> c.getAnnotationOfType(EventType.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> handled = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(HandlesEvent.class))
                .map(m -> m.getAnnotationOfType(HandlesEvent.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        var document = document();

        assertThat(producedBy(document, service))
                .as("messages of api-specs/asyncapi.yaml whose x-producer is %s, against its @EventType records", service)
                .isEqualTo(published);
        assertThat(receivedBy(document, service))
                .as("receive operations of api-specs/asyncapi.yaml for %s, against its @HandlesEvent methods", service)
                .isEqualTo(handled);
        assertSchemasAndExamplesMatchMessages(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        try {
            return new Yaml().load(Files.readString(RepositoryFiles.root().resolve("api-specs/asyncapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> messages(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("messages");
    }

    private static Set<String> producedBy(Map<String, Object> document, String service) {
        return messages(document).values().stream().filter(m -> service.equals(m.get("x-producer")))
                .map(m -> (String) m.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> receivedBy(Map<String, Object> document, String service) {
        var channels = (Map<String, Map<String, Object>>) document.get("channels");
        var operations = (Map<String, Map<String, Object>>) document.get("operations");
        return operations.values().stream()
                .filter(o -> "receive".equals(o.get("action")) && service.equals(o.get("x-consumer")))
                .map(o -> {
                    var ref = (String) ((Map<String, Object>) o.get("channel")).get("$ref");
                    return (String) channels.get(ref.substring(ref.lastIndexOf('/') + 1)).get("address");
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static void assertSchemasAndExamplesMatchMessages(Map<String, Object> document) {
        var events = RepositoryFiles.root().resolve("api-specs/events");
        Set<String> messageTypes = new TreeSet<>();
        messages(document).values().forEach(message -> {
            var type = (String) message.get("name");
            messageTypes.add(type);
            var payload = (Map<String, Object>) message.get("payload");
            var data = (Map<String, Object>) ((Map<String, Object>) payload.get("properties")).get("data");
            assertThat(data.get("$ref")).as("data of message %s", type).isEqualTo("./events/" + type + ".json");
            assertThat(events.resolve("examples/" + type + ".json")).as("recorded example of %s", type).exists();
        });
        try (var files = Files.list(events)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(schemaTypes).as("schemas in api-specs/events, against the messages of asyncapi.yaml")
                    .isEqualTo(messageTypes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
