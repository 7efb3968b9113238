package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Started;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's Deployments API with a token (a GitHub App installation's, or a fine-grained token with
 * "Deployments: write"): {@code POST /repos/{owner}/{repo}/deployments} for the deployment's commit and environment,
 * never auto-merging, with Passerelle's deployment in the deployment's {@code payload} ({@value #PAYLOAD}), where
 * every {@code deployment_status} event gives it back ({@link DeploymentStatusEvent}). GitHub's refusals: 401 bad
 * credentials; 403 a token not permitted, or a rate limit (worth another attempt); 404 a repository the token cannot
 * see; 409 a commit whose required status checks failed (or a merge conflict); 422 a ref GitHub does not know or
 * another validation error.
 */
public final class GithubDeployments {

    /** The key under which the deployment's payload carries Passerelle's fields. */
    public static final String PAYLOAD = "passerelle";
    static final String API_VERSION = "2022-11-28";

    private final VendorCalls calls;
    private final JsonMapper json;

    public GithubDeployments(VendorCalls calls, JsonMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public Started<GithubDeployment> start(GithubEnvironment environment, String token, DeployCall call,
            BooleanSupplier begin) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ref", call.commitSha());
        body.put("task", "deploy");
        body.put("auto_merge", false);
        body.put("environment", environment.environment());
        body.put("description", "Passerelle: " + call.service() + " " + call.version());
        body.put("payload", Map.of(PAYLOAD, Map.of("deploymentId", call.deploymentId().toString(), "changeId",
                call.changeId().toString(), "service", call.service(), "version", call.version())));
        var path = "/repos/" + segment(environment.owner()) + "/" + segment(environment.repo()) + "/deployments";
        var called = calls.run(environment.apiUrl(), begin, session -> {
            var answer = session.send("POST", session.url(path), headers(token), json.writeValueAsBytes(body));
            if (answer.status() != 201) {
                throw new VendorCalls.Stop(refusal(environment, answer));
            }
            var id = read(answer).path("id");
            if (!id.isNumber()) {
                throw new VendorCalls.Stop(new CallOutcome.Refused("answered 201 without a deployment id"));
            }
            return Started.accepted(201, new GithubDeployment(environment.owner(), environment.repo(), id.asLong(),
                    call.deploymentId()));
        });
        return Started.of(called);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(String token) {
        var headers = VendorCalls.bearer(token, false);
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", API_VERSION);
        headers.put("User-Agent", "Passerelle-integration-service");
        headers.put("Content-Type", "application/json; charset=UTF-8");
        return headers;
    }

    private JsonNode read(PinnedHttpClient.Answer answer) throws VendorCalls.Stop {
        return VendorCalls.parsed(answer, json::readTree);
    }

    private CallOutcome refusal(GithubEnvironment environment, PinnedHttpClient.Answer answer) {
        var message = VendorCalls.parsedOr(answer, body -> json.readTree(body).path("message").asString(), "");
        var said = "HTTP " + answer.status() + (message.isEmpty() ? "" : ": " + message);
        var repository = environment.owner() + "/" + environment.repo();
        var limited = answer.header("x-ratelimit-remaining").filter("0"::equals).isPresent()
                || answer.header("retry-after").isPresent() || message.toLowerCase(java.util.Locale.ROOT)
                        .contains("rate limit");
        return switch (answer.status()) {
            case 202 -> new CallOutcome.Refused("merged the default branch into the ref instead of deploying (" + said
                    + ")");
            case 401 -> new CallOutcome.Refused("refused the token (" + said + ")");
            case 403 -> limited ? new CallOutcome.Unavailable("rate-limited the token (" + said + ")")
                    : new CallOutcome.Refused("did not permit the token to deploy " + repository + " (" + said
                            + "): it needs Deployments: write on the repository");
            case 404 -> new CallOutcome.Refused("has no repository " + repository + " the token can see (" + said
                    + ")");
            case 409 -> new CallOutcome.Refused("refused to deploy the commit to " + environment.environment() + " ("
                    + said + ")");
            case 422 -> new CallOutcome.Refused("refused the deployment as invalid (" + said + ")");
            default -> new CallOutcome.Refused("answered " + said);
        };
    }
}
