package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import java.util.Map;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double of GitHub's Deployments API on 127.0.0.1 that checks every request against GitHub's REST description
 * (vendor-api/github) and answers as GitHub does: repository {@code acme/payments} (others: {@code ledger} not
 * permitted, {@code busy} rate-limited), the commit {@link #knownCommit}, deployment 145988746 created with the
 * payload it was given; its refusals ({@code {message, documentation_url, status}}).
 */
public final class GithubDeploymentsDouble implements AutoCloseable {

    public static final String TOKEN = "ghs_installationtoken";
    public static final long DEPLOYMENT_ID = 145988746L;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DOCS = "https://docs.github.com/rest/deployments/deployments#create-a-deployment";

    public final VendorApiDouble api = new VendorApiDouble(ApiDescription.load(
            "github/create-deployment.openapi-excerpt.json"));
    /** The double's repository: a commit it knows, and whether its required checks failed on it. */
    public volatile String knownCommit;
    volatile boolean checksFailed;
    volatile boolean behindDefaultBranch;

    public GithubDeploymentsDouble(String commit) {
        this.knownCommit = commit;
        api.on("POST", "/repos/{owner}/{repo}/deployments", request -> {
            var token = request.header("Authorization");
            if (!("Bearer " + TOKEN).equals(token)) {
                return error(401, "Bad credentials", "https://docs.github.com/rest", Map.of());
            }
            if (request.pathParameters().get("repo").equals("ledger")) {
                return error(403, "Resource not accessible by integration", DOCS, Map.of());
            }
            if (request.pathParameters().get("repo").equals("busy")) {
                return error(403, "API rate limit exceeded for installation ID 4521.", "https://docs.github.com/rest"
                        + "/using-the-rest-api/rate-limits-for-the-rest-api", Map.of("x-ratelimit-remaining", "0",
                                "x-ratelimit-reset", "1764490000"));
            }
            var body = request.fields();
            var ref = body.path("ref").asString();
            if (!ref.equals(knownCommit)) {
                return error(422, "No ref found for: " + ref, DOCS, Map.of());
            }
            if (behindDefaultBranch && body.path("auto_merge").asBoolean(true)) {
                return error(409, "Conflict merging main into " + ref + ".", DOCS, Map.of());
            }
            if (checksFailed && !body.has("required_contexts")) {
                return error(409, "Conflict: Commit status checks failed for " + ref + ".", DOCS, Map.of());
            }
            return Response.json(201, deployment(body));
        });
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }

    static Response error(int status, String message, String docs, Map<String, String> headers) {
        var body = JSON.createObjectNode().put("message", message).put("documentation_url", docs)
                .put("status", String.valueOf(status));
        var all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json; charset=utf-8");
        return new Response(status, all, body.toString());
    }

    /** The deployment as GitHub answers it (the fields of the description's "deployment" schema). */
    private static String deployment(tools.jackson.databind.JsonNode request) {
        var url = "https://api.github.com/repos/acme/payments/deployments/" + DEPLOYMENT_ID;
        var deployment = JSON.createObjectNode().put("url", url).put("id", DEPLOYMENT_ID)
                .put("node_id", "MDEwOkRlcGxveW1lbnQxNDU5ODg3NDY=").put("sha", request.path("ref").asString())
                .put("ref", request.path("ref").asString()).put("task", request.path("task").asString("deploy"))
                .put("original_environment", request.path("environment").asString())
                .put("environment", request.path("environment").asString())
                .put("description", request.path("description").asString())
                .put("created_at", "2026-11-30T07:20:53Z").put("updated_at", "2026-11-30T07:20:53Z")
                .put("statuses_url", url + "/statuses")
                .put("repository_url", "https://api.github.com/repos/acme/payments")
                .put("transient_environment", false).put("production_environment", true);
        deployment.set("payload", request.path("payload"));
        deployment.putObject("creator").put("login", "passerelle[bot]").put("id", 41898282L).put("type", "Bot");
        deployment.putNull("performed_via_github_app");
        return deployment.toString();
    }
}
