package io.passerelle.integrationservice.github.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passerelle.integrationservice.github.ProtectionRuleDelivery;
import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields read from a real {@code deployment_protection_rule} delivery (captured from GitHub, shared vectors), and
 * that delivery against GitHub's own schema of the event (octokit/webhooks), whose top level forbids any property it
 * does not declare: the names read here are GitHub's. (The capture also carries {@code enterprise}, which the schema
 * does not declare — one more reason to read payloads tolerantly.)
 */
class ProtectionRulePayloadTest {

    final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    Path github;

    @BeforeEach
    void vectors() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        github = RepositoryFiles.vectors().orElseThrow().resolve("github");
    }

    byte[] capture() throws Exception {
        return Files.readAllBytes(github.resolve("deploynaut/deployment_protection_rule.requested.json"));
    }

    @Test
    void the_real_capture_says_which_run_waits_where_and_for_whom() throws Exception {
        var rule = json.readValue(capture(), ProtectionRulePayload.class)
                .toDomain(ProtectionRuleDelivery.EVENT, "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        assertThat(rule.delivery().action()).isEqualTo("requested");
        assertThat(rule.delivery().repository()).isEqualTo("product-os/deploynaut");
        assertThat(rule.repositoryUrl()).isEqualTo("https://github.com/product-os/deploynaut");
        assertThat(rule.environment()).isEqualTo("test");
        assertThat(rule.callbackUrl()).isEqualTo("https://api.github.com/repos/product-os/deploynaut/actions/runs"
                + "/12201231746/deployment_protection_rule");
        assertThat(rule.commitSha()).isEqualTo("8a7d3b7f56830f91e5c0c02ab44d3215b29ad086");
        assertThat(rule.installationId()).isEqualTo(57923423L);
        assertThat(rule.actor()).isEqualTo("klutchell");
    }

    @Test
    void without_the_deployments_creator_the_sender_is_the_actor() throws Exception {
        var payload = (ObjectNode) json.readTree(capture());
        ((ObjectNode) payload.get("deployment")).remove("creator");
        ((ObjectNode) payload.get("sender")).put("login", "octocat");

        var rule = json.treeToValue(payload, ProtectionRulePayload.class).toDomain(ProtectionRuleDelivery.EVENT, "d");

        assertThat(rule.actor()).isEqualTo("octocat");
    }

    @Test
    void the_capture_conforms_to_githubs_schema_of_the_event_and_names_what_is_read() throws Exception {
        var schema = (ObjectNode) json.readTree(Files.readAllBytes(
                github.resolve("deployment_protection_rule__requested.schema.json")));
        // the shared schema refers to octokit's common/*.schema.json, which are not shared: any object stands in
        var properties = (ObjectNode) schema.get("properties");
        for (var name : new String[] { "deployment", "pull_requests", "repository", "sender", "installation",
                "organization" }) {
            properties.set(name, json.createObjectNode());
        }

        schema.remove("$id"); // "deployment_protection_rule$requested": octokit's name, not a URI
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(json.writeValueAsString(schema));
        var capture = (ObjectNode) json.readTree(capture());

        assertThat(validator.validate(capture)).as("only what the schema omits").isNotEmpty()
                .allSatisfy(error -> assertThat(error.toString()).contains("enterprise"));
        capture.remove("enterprise");
        assertThat(validator.validate(capture)).isEmpty();
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(java.util.List.of("action", "environment", "deployment_callback_url", "deployment", "repository",
                "installation", "sender")).allMatch(properties::has);
        assertThat(schema.at("/properties/action/enum/0").asString()).isEqualTo("requested");
    }
}
