package io.passerelle.integrationservice.executor.adapter.argocd;

import static io.passerelle.integrationservice.executor.VendorTestbed.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import io.passerelle.integrationservice.executor.VendorTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Argo CD client against a double of Argo CD's API that checks every request against Argo CD's swagger.json and
 * answers as Argo CD's gRPC gateway does ({@code {error, code, message}}), including its refusals.
 */
class ArgoCdTest {

    static final String TOKEN = "argocd-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final VendorApiDouble argocd = new VendorApiDouble(ApiDescription.load("argocd/swagger.excerpt.json"));
    final VendorTestbed bed = new VendorTestbed("argocd", Duration.ofSeconds(3));
    final ArgoCd client = new ArgoCd(bed.calls, JSON);
    final ArgoCdApplication payments = new ArgoCdApplication(bed.url(argocd), "payments", "shop");

    /** What the double's application does after a sync: one (phase, health) per GET, the last one repeating. */
    final Deque<String[]> steps = new ArrayDeque<>();
    final AtomicReference<JsonNode> sync = new AtomicReference<>();
    String refusal;

    ArgoCdTest() {
        argocd.on("POST", "/api/v1/applications/{name}/sync", request -> {
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
        argocd.on("GET", "/api/v1/applications/{name}", request -> {
            var denied = auth(request);
            return denied != null ? denied : Response.json(200, application(step()));
        });
    }

    @AfterEach
    void conforms() {
        argocd.close();
        assertThat(argocd.violations()).as("requests the API description does not allow").isEmpty();
    }

    @Test
    void a_sync_at_the_commit_is_started_and_followed_until_synced_and_healthy() {
        steps.addAll(java.util.List.of(new String[] { "Running", "Progressing" },
                new String[] { "Succeeded", "Progressing" }, new String[] { "Succeeded", "Healthy" }));

        var started = client.start(payments, TOKEN, CALL, () -> true);

        assertThat(started.outcome()).isEqualTo(new CallOutcome.Accepted(200));
        assertThat(started.reference()).isEqualTo(new ArgoCdOperation("payments", CALL.commitSha(),
                CALL.deploymentId()));
        assertThat(sync.get().path("revision").asString()).isEqualTo(CALL.commitSha());
        assertThat(sync.get().path("project").asString()).isEqualTo("shop");
        assertThat(sync.get().path("prune").asBoolean()).isFalse();
        assertThat(argocd.received().getFirst().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(client.follow(payments, TOKEN, started.reference()))
                .isEqualTo(new Called.Answered<>(new ArgoCdStatus.Running("synced, health Progressing")));
        assertThat(client.follow(payments, TOKEN, started.reference()))
                .isEqualTo(new Called.Answered<>(new ArgoCdStatus.Succeeded(CALL.commitSha())));
    }

    @Test
    void an_application_that_goes_degraded_after_the_sync_fails_the_deployment_with_argos_message() {
        steps.addAll(java.util.List.of(new String[] { "Running", "Progressing" },
                new String[] { "Succeeded", "Degraded" }));
        var started = client.start(payments, TOKEN, CALL, () -> true);

        assertThat(client.follow(payments, TOKEN, started.reference())).isEqualTo(new Called.Answered<>(
                new ArgoCdStatus.Failed("synced, but health Degraded: Deployment \"payments\" exceeded its progress"
                        + " deadline")));
    }

    @Test
    void a_failed_sync_fails_the_deployment_with_argos_message() {
        steps.addAll(java.util.List.of(new String[] { "Running", "Progressing" },
                new String[] { "Failed", "Missing" }));
        var started = client.start(payments, TOKEN, CALL, () -> true);

        assertThat(client.follow(payments, TOKEN, started.reference())).isEqualTo(new Called.Answered<>(
                new ArgoCdStatus.Failed("sync failed: one or more objects failed to apply")));
    }

    @Test
    void argos_refusals_are_final_and_say_why_except_another_operation_in_progress() {
        steps.add(new String[] { "Running", "Progressing" });

        assertThat(client.start(payments, "stolen-token", CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("refused the token (HTTP 401: invalid session: token signature is invalid)"));
        assertThat(client.start(payments, "viewer-token", CALL, () -> true).outcome())
                .isInstanceOf(CallOutcome.Refused.class).asString()
                .contains("HTTP 403: permission denied", "'applications, sync'");
        assertThat(client.start(new ArgoCdApplication(payments.url(), "ledger", null), TOKEN, CALL, () -> true)
                .outcome()).isEqualTo(new CallOutcome.Refused("has no application ledger (HTTP 404:"
                        + " applications.argoproj.io \"ledger\" not found)"));
        refusal = "window";
        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome()).isInstanceOf(CallOutcome.Refused.class)
                .asString().contains("blocked by sync window", "deploy once the window has passed");
        refusal = "busy";
        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Unavailable(
                "is running another operation on payments (HTTP 400: another operation is already in progress)"));
    }

    @Test
    void an_argo_that_fails_twice_opens_its_breaker_and_is_not_called_while_it_is_open() {
        refusal = "down";

        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome())
                .isEqualTo(new CallOutcome.Unavailable("answered HTTP 503"));
        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome())
                .isEqualTo(new CallOutcome.Unavailable("answered HTTP 503"));
        var third = client.start(payments, TOKEN, CALL, () -> true).outcome();

        assertThat(third).isInstanceOfSatisfying(CallOutcome.CircuitOpen.class, open -> {
            assertThat(open.breaker()).isEqualTo("argocd argocd.test:" + argocd.port());
            assertThat(open.retryIn()).isPositive();
        });
        assertThat(argocd.received()).hasSize(2);
    }

    @Test
    void an_argo_slower_than_the_time_limit_is_worth_another_attempt() {
        refusal = "slow";

        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome())
                .isEqualTo(new CallOutcome.Unavailable("did not answer within 3000 ms"));
    }

    @Test
    void a_withdrawn_claim_sends_nothing() {
        assertThat(client.start(payments, TOKEN, CALL, () -> false).outcome()).isEqualTo(new CallOutcome.Withdrawn());
        assertThat(argocd.received()).isEmpty();
    }

    @Test
    void the_double_refuses_a_sync_the_swagger_does_not_allow() throws Exception {
        var http = HttpClient.newHttpClient();
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + argocd.port()
                + "/api/v1/applications/payments/sync")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"revision\": 42, \"prune\": \"no\", \"revison\": \"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(argocd.violations()).anyMatch(v -> v.contains("revision"))
                .anyMatch(v -> v.contains("prune")).anyMatch(v -> v.contains("revison is not in the description"));
        assertThat(argocd.received()).isEmpty();
        argocd.violations().clear();
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

    static Response error(int status, int code, String message) {
        var body = JSON.createObjectNode().put("error", message).put("code", code).put("message", message);
        body.putArray("details");
        return Response.json(status, body.toString());
    }

    /** The application as Argo CD returns it, its last operation the sync the double was asked for. */
    private String application(String[] step) {
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
