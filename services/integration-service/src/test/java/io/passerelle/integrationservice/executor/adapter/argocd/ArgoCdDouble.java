package io.passerelle.integrationservice.executor.adapter.argocd;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double of Argo CD's API on 127.0.0.1 that checks every request against Argo CD's swagger.json and answers as
 * Argo CD's gRPC gateway does ({@code {error, code, message}}), including its refusals: the application
 * {@code payments} (project {@code shop}), whose sync records Passerelle's infos and whose status goes through
 * {@link #steps} (one (phase, health) per request, the last one repeating). The token {@value #TOKEN} may sync;
 * {@code viewer-token} may not.
 */
public final class ArgoCdDouble implements AutoCloseable {

    public static final String TOKEN = "argocd-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    public final VendorApiDouble api = new VendorApiDouble(ApiDescription.load("argocd/swagger.excerpt.json"));
    /** What the application does after a sync: one (phase, health) per request, the last one repeating. */
    public final Deque<String[]> steps = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** The last sync asked for. */
    public final AtomicReference<@Nullable JsonNode> sync = new AtomicReference<>();
    /** "window", "busy", "down" or "slow": how the next syncs are refused; none when null. */
    public volatile @Nullable String refusal;

    public ArgoCdDouble() {
        api.on("POST", "/api/v1/applications/{name}/sync", request -> {
            var denied = auth(request);
            if (denied != null) {
                return denied;
            }
            if (!request.pathParameters().get("name").equals("payments")) {
                return error(404, 5, "applications.argoproj.io \"" + request.pathParameters().get("name")
                        + "\" not found");
            }
            if (refusal != null) {
                return switch (refusal) {
                    case "window" -> error(403, 7, "cannot sync: blocked by sync window");
                    case "busy" -> error(400, 9, "another operation is already in progress");
                    case "down" -> error(503, 14, "connection error: desc = \"transport: Error while dialing\"");
                    case "slow" -> {
                        sleep(Duration.ofSeconds(5));
                        yield error(503, 14, "slow");
                    }
                    default -> throw new IllegalStateException(refusal);
                };
            }
            sync.set(request.fields());
            return Response.json(200, application(step()));
        });
        api.on("GET", "/api/v1/applications/{name}", request -> {
            var denied = auth(request);
            return denied != null ? denied : Response.json(200, application(step()));
        });
    }

    /** Where the application goes after the sync, in order. */
    public ArgoCdDouble then(String phase, String health) {
        steps.add(new String[] { phase, health });
        return this;
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }

    private String[] step() {
        return steps.size() > 1 ? steps.poll() : steps.peek();
    }

    private static Response auth(VendorApiDouble.Request request) {
        return switch (request.header("Authorization")) {
            case "Bearer " + TOKEN -> null;
            case "Bearer viewer-token" -> error(403, 7, "permission denied");
            default -> error(401, 16, "invalid session: token signature is invalid");
        };
    }

    public static Response error(int status, int code, String message) {
        var body = JSON.createObjectNode().put("error", message).put("code", code).put("message", message);
        body.putArray("details");
        return Response.json(status, body.toString());
    }

    /** The application as Argo CD returns it, its last operation the sync the double was asked for. */
    /** The application as Argo CD returns it, its last operation the sync the double was asked for. */
    public String application(String[] step) {
        var phase = step[0];
        var health = step[1];
        var sync = this.sync.get();
        var app = JSON.createObjectNode();
        app.putObject("metadata").put("name", "payments").put("namespace", "argocd");
        var spec = app.putObject("spec");
        spec.put("project", "shop");
        spec.putObject("source").put("repoURL", "https://github.com/acme/payments-deploy").put("path", "k8s")
                .put("targetRevision", "main");
        spec.putObject("destination").put("server", "https://kubernetes.default.svc").put("namespace", "payments");
        var status = app.putObject("status");
        var healthNode = status.putObject("health").put("status", health);
        if (health.equals("Degraded")) {
            healthNode.put("message", "Deployment \"payments\" exceeded its progress deadline");
        }
        if (sync != null) {
            var revision = sync.path("revision").asString();
            status.putObject("sync").put("status", phase.equals("Succeeded") ? "Synced" : "OutOfSync")
                    .put("revision", revision);
            var operationState = status.putObject("operationState");
            var operation = operationState.putObject("operation");
            operation.putObject("sync").put("revision", revision).put("prune", false);
            operation.set("info", sync.path("infos"));
            operation.putObject("initiatedBy").put("username", "passerelle");
            operationState.put("phase", phase).put("startedAt", "2026-11-30T07:00:00Z")
                    .put("message", switch (phase) {
                        case "Running" -> "waiting for healthy state of apps/Deployment/payments";
                        case "Failed" -> "one or more objects failed to apply";
                        default -> "successfully synced (all tasks run)";
                    });
            operationState.putObject("syncResult").put("revision", revision);
        }
        return app.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
