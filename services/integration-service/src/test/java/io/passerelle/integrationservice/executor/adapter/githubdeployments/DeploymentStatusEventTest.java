package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** GitHub's {@code deployment_status} event as octokit recorded it (shared vectors), read back to a deployment. */
class DeploymentStatusEventTest {

    static final UUID DEPLOYMENT = UUID.fromString("5f0c6a52-1b7e-4c39-9f5d-2a8e7d1c4b60");
    final JsonMapper json = JsonMapper.builder().build();
    final DeploymentStatusEvent events = new DeploymentStatusEvent(json);
    Path github;

    @BeforeEach
    void vectors() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        github = RepositoryFiles.vectors().orElseThrow().resolve("github");
    }

    /** The recorded event, its deployment created by Passerelle (payload) and its status set to {@code state}. */
    byte[] event(String state, String description, Object payload) throws Exception {
        var event = (ObjectNode) json.readTree(Files.readAllBytes(github.resolve("deployment_status__payload.json")));
        ((ObjectNode) event.get("deployment_status")).put("state", state).put("description", description)
                .put("log_url", "https://ci.acme.test/deploys/77");
        var deployment = (ObjectNode) event.get("deployment");
        if (payload instanceof String text) {
            deployment.put("payload", text);
        } else {
            deployment.set("payload", json.valueToTree(payload));
        }
        return json.writeValueAsBytes(event);
    }

    static java.util.Map<String, Object> ours() {
        return java.util.Map.of("passerelle", java.util.Map.of("deploymentId", DEPLOYMENT.toString()));
    }

    @Test
    void a_success_status_of_a_deployment_passerelle_created_succeeds_it() throws Exception {
        assertThat(events.read(event("success", "", ours()))).contains(new DeploymentStatusEvent.Notified(
                DEPLOYMENT, 145988746L, "production",
                new GithubDeploymentStatus.Succeeded("https://ci.acme.test/deploys/77")));
    }

    @Test
    void failure_and_error_fail_it_with_the_statuss_description_and_the_others_are_not_an_outcome() throws Exception {
        assertThat(events.read(event("failure", "smoke tests failed", ours())).orElseThrow().status())
                .isEqualTo(new GithubDeploymentStatus.Failed("the deployment failed: smoke tests failed"
                        + " (https://ci.acme.test/deploys/77)"));
        assertThat(events.read(event("error", "", ours())).orElseThrow().status())
                .isEqualTo(new GithubDeploymentStatus.Failed("the deployment ended in error"
                        + " (https://ci.acme.test/deploys/77)"));
        for (var state : new String[] { "queued", "pending", "in_progress", "inactive" }) {
            assertThat(events.read(event(state, "", ours())).orElseThrow().status())
                    .isEqualTo(new GithubDeploymentStatus.Running(state));
        }
    }

    @Test
    void a_payload_created_as_a_json_string_names_the_deployment_too() throws Exception {
        var payload = json.writeValueAsString(ours());

        assertThat(events.read(event("success", "", payload))).map(DeploymentStatusEvent.Notified::deploymentId)
                .contains(DEPLOYMENT);
    }

    @Test
    void the_recorded_event_itself_is_of_a_deployment_passerelle_did_not_create() throws Exception {
        assertThat(events.read(Files.readAllBytes(github.resolve("deployment_status__payload.json")))).isEmpty();
        assertThat(events.read(event("success", "", java.util.Map.of("passerelle", java.util.Map.of(
                "deploymentId", "not-a-uuid"))))).isEmpty();
    }

    @Test
    void a_body_that_is_not_a_deployment_status_event_is_refused_saying_so() throws Exception {
        assertThatThrownBy(() -> events.read("{".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the event is not JSON");
        assertThatThrownBy(() -> events.read(Files.readAllBytes(github.resolve("deployment__payload.json"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a deployment_status event");
    }
}
