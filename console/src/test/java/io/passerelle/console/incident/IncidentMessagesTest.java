package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The pages show incident-service's enums through messages: every value its OpenAPI description lists has a label in
 * English and French, so a state the service adds is noticed here rather than on a page.
 */
class IncidentMessagesTest {

    static final Path SPEC = Path.of("../api-specs/openapi/incident-service.yaml");
    static final Path I18N = Path.of("src/main/resources/i18n");

    @Test
    void every_value_of_the_enums_the_pages_show_has_a_label_in_both_languages() throws IOException {
        var prefixes = Map.of("IncidentState", "incidents.state.", "Priority", "incidents.priority.",
                "Level", "incidents.level.", "IncidentSource", "incidents.source.",
                "DeploymentOutcome", "incidents.outcome.", "RollbackProposalState", "incidents.rollback.",
                "ProblemState", "problems.state.");
        var schemas = schemas();
        for (String bundle : List.of("", "_fr")) {
            var incidents = load("incidents" + bundle);
            var problems = load("problems" + bundle);
            prefixes.forEach((schema, prefix) -> {
                for (Object value : values(schemas.get(schema))) {
                    var messages = prefix.startsWith("problems") ? problems : incidents;
                    assertThat(messages.getProperty(prefix + value)).as("%s%s in %s", prefix, value, bundle).isNotBlank();
                }
            });
            var kind = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schemas.get("TimelineEntry")).get("properties")).get("kind");
            var timelineKinds = (List<?>) kind.get("enum");
            assertThat(timelineKinds).isNotEmpty();
            timelineKinds.forEach(k -> assertThat(incidents.getProperty("incidents.kind." + k)).as("kind %s", k).isNotBlank());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> schemas() throws IOException {
        try (Reader reader = Files.newBufferedReader(SPEC, StandardCharsets.UTF_8)) {
            Map<String, Object> spec = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
        }
    }

    static List<?> values(Object schema) {
        assertThat(schema).isInstanceOf(Map.class);
        return ((List<?>) ((Map<?, ?>) schema).get("enum"));
    }

    static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(I18N.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
