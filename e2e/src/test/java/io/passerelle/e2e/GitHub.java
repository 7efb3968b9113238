package io.passerelle.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/** Real GitHub workflow_run deliveries (from ../shared/vectors), re-addressed and signed like GitHub does. */
final class GitHub {

    private GitHub() {
    }

    static ObjectNode workflowRun(Path vectors, String repository, String sha, long runId) {
        try {
            var payload = (ObjectNode) Http.JSON.readTree(
                    Files.readString(vectors.resolve("github/workflow_run_completed.payload.json")));
            ((ObjectNode) payload.get("repository")).put("full_name", repository);
            var run = (ObjectNode) payload.get("workflow_run");
            run.put("head_sha", sha);
            run.put("id", runId);
            return payload;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Http.Response deliver(ObjectNode payload, String secret, String deliveryId) {
        byte[] body = Http.JSON.writeValueAsBytes(payload);
        return Http.send("POST", Stack.GATEWAY + "/webhooks/github", null, body, Map.of(
                "X-GitHub-Event", "workflow_run",
                "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", DeployTarget.sign(secret, body)));
    }

    static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }
}
