package io.passerelle.integrationservice.executor.adapter.argocd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Started;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Argo CD's REST API with a bearer token (an account's or a project role's). Start: {@code POST
 * /api/v1/applications/{name}/sync} at the deployment's commit, the deployment id in the operation's info; Argo CD
 * answers 200 with the application and syncs in the background. Follow: {@code GET /api/v1/applications/{name}},
 * read as {@link ArgoCdStatus}. Argo CD's refusals, as its gRPC gateway answers them ({@code {error, code, message}}):
 * 401 a token it does not take; 403 "permission denied" (no RBAC grant, or an application the account may not see)
 * and "cannot sync: blocked by sync window"; 404 an application it does not have; 400 "another operation is already
 * in progress" (worth another attempt: that operation ends).
 */
public final class ArgoCd {

    private final VendorCalls calls;
    private final JsonMapper json;

    public ArgoCd(VendorCalls calls, JsonMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public Started<ArgoCdOperation> start(ArgoCdApplication application, String token, DeployCall call,
            BooleanSupplier begin) {
        var operation = new ArgoCdOperation(application.name(), call.commitSha(), call.deploymentId());
        var body = new LinkedHashMap<String, Object>();
        body.put("name", application.name());
        body.put("revision", call.commitSha());
        body.put("prune", false);
        body.put("dryRun", false);
        body.put("infos", List.of(
                Map.of("name", ArgoCdStatus.DEPLOYMENT_INFO, "value", call.deploymentId().toString()),
                Map.of("name", "passerelle-release", "value", call.service() + " " + call.version())));
        if (application.project() != null) {
            body.put("project", application.project());
        }
        var called = calls.run(application.url(), begin, session -> {
            var answer = session.send("POST", session.url(path(application) + "/sync"), VendorCalls.bearer(token, true),
                    json.writeValueAsBytes(body));
            if (answer.status() != 200) {
                throw new VendorCalls.Stop(refusal(application, answer));
            }
            return Started.accepted(answer.status(), operation);
        });
        return Started.of(called);
    }

    public Called<ArgoCdStatus> follow(ArgoCdApplication application, String token, ArgoCdOperation operation) {
        return calls.run(application.url(), () -> true, session -> {
            var answer = session.send("GET", session.url(path(application)), VendorCalls.bearer(token, false), null);
            if (answer.status() != 200) {
                throw new VendorCalls.Stop(refusal(application, answer));
            }
            var app = read(answer);
            return ArgoCdStatus.of(operation, app.path("status").path("operationState"),
                    app.path("status").path("health"));
        });
    }

    private static String path(ArgoCdApplication application) {
        return "/api/v1/applications/" + URLEncoder.encode(application.name(), StandardCharsets.UTF_8);
    }


    private JsonNode read(PinnedHttpClient.Answer answer) throws VendorCalls.Stop {
        return VendorCalls.parsed(answer, json::readTree);
    }

    private CallOutcome refusal(ArgoCdApplication application, PinnedHttpClient.Answer answer) {
        var message = VendorCalls.parsedOr(answer, body -> json.readTree(body).path("message").asString(), "");
        var said = "HTTP " + answer.status() + (message.isEmpty() ? "" : ": " + message);
        return switch (answer.status()) {
            case 400 -> message.contains("another operation is already in progress")
                    ? new CallOutcome.Unavailable("is running another operation on " + application.name() + " ("
                            + said + ")")
                    : new CallOutcome.Refused("refused the sync of " + application.name() + " (" + said + ")");
            case 401 -> new CallOutcome.Refused("refused the token (" + said + ")");
            case 403 -> message.contains("sync window")
                    ? new CallOutcome.Refused("holds " + application.name() + " in a sync window that denies syncs ("
                            + said + "): deploy once the window has passed")
                    : new CallOutcome.Refused("denied the token's account syncing " + application.name() + " ("
                            + said + "): it needs the RBAC grant 'applications, sync' (and 'get') on the application");
            case 404 -> new CallOutcome.Refused("has no application " + application.name() + " (" + said + ")");
            default -> new CallOutcome.Refused("answered " + said);
        };
    }
}
