package io.passerelle.integrationservice.cdeventsin.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CdEventSchemasTest {

    final JsonMapper json = JsonMapper.builder().build();
    final CdEventSchemas schemas = new CdEventSchemas(json);

    @Test
    void the_shipped_schemas_are_the_specs_own_byte_for_byte_with_its_licence() throws Exception {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        var spec = RepositoryFiles.vectors().orElseThrow().resolve("cdevents-v0.5.1");
        var shipped = Path.of("src/main/resources/cdevents/v0.5.1");
        try (var files = Files.walk(shipped)) {
            var copies = files.filter(f -> f.toString().endsWith(".json") || f.endsWith("LICENSE")).toList();
            assertThat(copies).hasSize(11);
            for (var copy : copies) {
                var relative = shipped.relativize(copy).toString();
                var original = relative.equals("LICENSE") ? spec.resolve("LICENSE") : spec.resolve("schemas")
                        .resolve(relative);
                assertThat(Files.readAllBytes(copy)).as(relative).isEqualTo(Files.readAllBytes(original));
            }
        }
    }

    @Test
    void the_conformance_vectors_of_the_types_taken_in_are_valid_and_a_missing_field_is_pointed_at()
            throws Exception {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        var conformance = RepositoryFiles.vectors().orElseThrow().resolve("cdevents-v0.5.1/conformance");
        for (var file : new String[] {"pipelinerun_finished.json", "service_deployed.json", "service_upgraded.json",
                "service_rolledback.json", "incident_detected.json", "incident_resolved.json"}) {
            var cdevent = json.readTree(Files.readAllBytes(conformance.resolve(file)));
            assertThat(schemas.violations(cdevent.get("context").get("type").asString(), cdevent)).as(file).isEmpty();
        }
        var broken = (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readAllBytes(
                conformance.resolve("incident_detected.json")));
        ((tools.jackson.databind.node.ObjectNode) broken.get("subject").get("content")).remove("environment");
        ((tools.jackson.databind.node.ObjectNode) broken.get("context")).put("id", "");
        assertThat(schemas.violations("dev.cdevents.incident.detected.0.3.0", broken))
                .extracting(CdEventSchemas.Violation::pointer)
                .containsExactly("/context/id", "/subject/content/environment");
    }

    @Test
    void binary_mode_header_values_are_percent_decoded() {
        assertThat(CloudEventReader.percentDecoded("/argo%20rollouts/caf%C3%A9+1", "ce-source"))
                .isEqualTo("/argo rollouts/café+1");
        assertThat(CloudEventReader.percentDecoded("plain", "ce-id")).isEqualTo("plain");
        assertThatThrownBy(() -> CloudEventReader.percentDecoded("50%", "ce-id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
