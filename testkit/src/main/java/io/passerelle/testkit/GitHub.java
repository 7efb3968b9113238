package io.passerelle.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/** Real GitHub workflow_run deliveries (from ../shared/vectors), re-addressed and signed like GitHub does. */
public final class GitHub {

    private GitHub() {
    }

    /** The vector's green run, re-addressed: built from {@code repository} itself (its head is not a fork's). */
    public static ObjectNode workflowRun(Path vectors, String repository, String sha, long runId) {
        try {
            var payload = (ObjectNode) Http.JSON.readTree(
                    Files.readString(vectors.resolve("github/workflow_run_completed.payload.json")));
            ((ObjectNode) payload.get("repository")).put("full_name", repository);
            var run = (ObjectNode) payload.get("workflow_run");
            run.put("head_sha", sha);
            run.put("id", runId);
            ((ObjectNode) run.get("head_repository")).put("full_name", repository);
            return payload;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same, as attempt {@code attempt} of run {@code runId} of the workflow {@code workflow}, ended with
     * {@code conclusion} ({@code success}, {@code failure}, …): one of several workflows on one commit.
     */
    public static ObjectNode workflowRun(Path vectors, String repository, String sha, long runId, String workflow,
            int attempt, String conclusion) {
        var payload = workflowRun(vectors, repository, sha, runId);
        ((ObjectNode) payload.get("workflow")).put("name", workflow);
        ((ObjectNode) payload.get("workflow_run")).put("name", workflow).put("run_attempt", attempt)
                .put("conclusion", conclusion)
                .put("html_url", "https://github.com/" + repository + "/actions/runs/" + runId);
        return payload;
    }

    /** A minimal delivery of a green run, with the fields Passerelle reads, for load where no vector is at hand. */
    public static ObjectNode workflowRun(String repository, String branch, String sha, long runId) {
        var payload = Http.JSON.createObjectNode();
        payload.put("action", "completed");
        var run = payload.putObject("workflow_run");
        run.put("id", runId).put("name", "CI").put("head_branch", branch).put("head_sha", sha)
                .put("status", "completed").put("conclusion", "success")
                .put("html_url", "https://github.com/" + repository + "/actions/runs/" + runId)
                .put("updated_at", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        run.putObject("actor").put("login", "bench");
        payload.putObject("repository").put("full_name", repository).put("default_branch", branch);
        return payload;
    }

    public static Http.Response deliver(String gateway, ObjectNode payload, String secret, String deliveryId) {
        return deliver(gateway, payload, secret, deliveryId, Map.of());
    }

    /** The same, with more headers (e.g. a W3C {@code traceparent}, as a traced proxy in front of Passerelle adds). */
    public static Http.Response deliver(String gateway, ObjectNode payload, String secret, String deliveryId,
            Map<String, String> headers) {
        byte[] body = Http.JSON.writeValueAsBytes(payload);
        var all = new java.util.HashMap<>(headers);
        all.putAll(Map.of("X-GitHub-Event", "workflow_run", "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", DeployTarget.sign(secret, body)));
        return Http.send("POST", gateway + "/webhooks/github", null, body, all);
    }

    /**
     * The integration service learns the catalog from an event: waits until a signed {@code ping} for the repository
     * is recognised (200), or fails after {@code seconds}.
     */
    public static void awaitCatalogued(String gateway, String repository, String secret, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            var payload = Http.JSON.createObjectNode();
            payload.putObject("repository").put("full_name", repository);
            payload.put("zen", "Keep it logically awesome.");
            byte[] body = Http.JSON.writeValueAsBytes(payload);
            var response = Http.send("POST", gateway + "/webhooks/github", null, body, java.util.Map.of(
                    "X-GitHub-Event", "ping", "X-GitHub-Delivery", newDeliveryId(),
                    "X-Hub-Signature-256", DeployTarget.sign(secret, body)));
            if (response.status() == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(repository + " not catalogued by the integration service after " + seconds + " s");
    }

    public static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }
}
