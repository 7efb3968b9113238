package io.passerelle.integrationservice.executor.adapter.argocd;

import static io.passerelle.integrationservice.executor.VendorTestbed.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.VendorApiDouble;
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

    static final String TOKEN = ArgoCdDouble.TOKEN;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final ArgoCdDouble argo = new ArgoCdDouble();
    final VendorApiDouble argocd = argo.api;
    final VendorTestbed bed = new VendorTestbed("argocd", Duration.ofSeconds(3));
    final ArgoCd client = new ArgoCd(bed.calls, JSON);
    final ArgoCdApplication payments = new ArgoCdApplication(bed.url(argocd), "payments", "shop");

    final java.util.Deque<String[]> steps = argo.steps;
    final java.util.concurrent.atomic.AtomicReference<JsonNode> sync = argo.sync;

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
        argo.refusal = "window";
        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome()).isInstanceOf(CallOutcome.Refused.class)
                .asString().contains("blocked by sync window", "deploy once the window has passed");
        argo.refusal = "busy";
        assertThat(client.start(payments, TOKEN, CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Unavailable(
                "is running another operation on payments (HTTP 400: another operation is already in progress)"));
    }

    @Test
    void an_argo_that_fails_twice_opens_its_breaker_and_is_not_called_while_it_is_open() {
        argo.refusal = "down";

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
        argo.refusal = "slow";

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
}
