package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GitHub's {@code deployment_status} webhook event ({@code X-GitHub-Event: deployment_status}): the
 * deployment's {@code payload} names Passerelle's deployment ({@link GithubDeployments#PAYLOAD}), the status says
 * where it stands. An event of a deployment Passerelle did not create names none.
 */
public final class DeploymentStatusEvent {

    /** A status of a deployment Passerelle created. */
    public record Notified(UUID deploymentId, long githubDeploymentId, String environment,
            GithubDeploymentStatus status) {
    }

    private final JsonMapper json;

    public DeploymentStatusEvent(JsonMapper json) {
        this.json = json;
    }

    /**
     * @return empty when the deployment is not one Passerelle created
     * @throws IllegalArgumentException when the body is not a deployment_status event
     */
    public Optional<Notified> read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the event is not JSON");
        }
        var status = root.path("deployment_status");
        var deployment = root.path("deployment");
        if (!status.path("state").isString() || !deployment.path("id").isNumber()) {
            throw new IllegalArgumentException("the event is not a deployment_status event (deployment_status.state"
                    + " and deployment.id expected)");
        }
        var payload = deployment.path("payload");
        if (payload.isString()) { // a payload created as a string of JSON
            try {
                payload = json.readTree(payload.asString());
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        UUID id;
        try {
            id = UUID.fromString(payload.path(GithubDeployments.PAYLOAD).path("deploymentId").asString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var url = text(status.path("log_url")).isEmpty() ? text(status.path("target_url"))
                : text(status.path("log_url"));
        return Optional.of(new Notified(id, deployment.path("id").asLong(), text(status.path("environment")),
                GithubDeploymentStatus.of(text(status.path("state")), text(status.path("description")), url)));
    }

    /** A string field's text; "" when absent or null. */
    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }
}
