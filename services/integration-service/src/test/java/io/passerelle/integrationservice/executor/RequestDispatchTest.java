package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.RequestDispatch.Outcome;
import io.passerelle.integrationservice.executor.port.Executor;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RequestDispatchTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    final SecretSealer sealer = new SecretSealer("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
    final CallbackCredentials credentials = new CallbackCredentials("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
    final CatalogedService payments = new CatalogedService("payments", "octo-org/payments", "main",
            sealer.seal("s3cret"), Instant.EPOCH, java.util.List.of("prod"));
    /** deployment id → state, as the outbox would hold it */
    final Map<UUID, String> states = new HashMap<>();
    final Map<UUID, String> bodies = new HashMap<>();
    final List<Object> events = new ArrayList<>();
    final List<DeployCall> built = new ArrayList<>();
    /** How many times the dispatcher was told to send what this transaction recorded. */
    int dispatchesTold;

    final RequestDispatch dispatch = new RequestDispatch(new CallSecrets(new Catalog(), sealer), new Dispatches() {
        public boolean request(DeploymentRequest request, DeployCall call, Instant at) {
            built.add(call);
            bodies.put(request.deploymentId(), call.toString());
            return write(request, "PENDING");
        }

        public boolean refuse(DeploymentRequest request, String reason, Instant at) {
            return write(request, "FAILED");
        }

        private boolean write(DeploymentRequest request, String state) {
            var existing = states.get(request.deploymentId());
            if (existing != null && !existing.equals("FAILED")) {
                return false;
            }
            states.put(request.deploymentId(), state);
            return true;
        }

        public List<Claim> claim(int limit, Instant now, java.time.Duration lease) {
            throw new UnsupportedOperationException();
        }

        public Optional<Instant> nextDue() {
            throw new UnsupportedOperationException();
        }

        public boolean startAttempt(Claim claim, Instant at) {
            throw new UnsupportedOperationException();
        }

        public boolean settle(Claim claim, Decision decision, @Nullable String reference, @Nullable Instant checkAt,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        public boolean recordOutcome(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason,
                @Nullable UUID deliveryId, Instant at) {
            throw new UnsupportedOperationException();
        }

        public Optional<RecordedDispatch> lockRecorded(UUID deploymentId) {
            throw new UnsupportedOperationException();
        }

        public List<Watch> claimWatches(int limit, Instant now, java.time.Duration lease) {
            throw new UnsupportedOperationException();
        }

        public Optional<Instant> nextWatchDue() {
            throw new UnsupportedOperationException();
        }

        public boolean rewatch(Watch watch, String reference, Instant nextCheckAt, Instant at) {
            throw new UnsupportedOperationException();
        }
    }, new ExecutorRegistry(List.of(new Executor() {
        public String type() {
            return "webhook";
        }

        public Optional<String> unusable(Target target) {
            return target.url().startsWith("https://") ? Optional.empty() : Optional.of("not https: " + target.url());
        }

        public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
            throw new AssertionError("requesting a dispatch never calls the target");
        }

        public boolean watches() {
            return false;
        }

        public Observed observe(Target target, DeployCall call, String reference, String secret) {
            throw new AssertionError("requesting a dispatch never looks at the target");
        }
    }))    , () -> dispatchesTold++, events::add, credentials, Clock.fixed(NOW, ZoneOffset.UTC), "https://passerelle.example/");

    static DeploymentRequest request(String service, String type, String url) {
        return new DeploymentRequest(UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666"), UUID.randomUUID(),
                service, "prod", "1.4.2", "3484a3f", new Target(type, url, Map.of(), null), NOW.plusSeconds(1800));
    }

    static DeploymentRequest request() {
        return request("payments", "webhook", "https://deploy.example/hooks");
    }

    @Test
    void a_request_is_queued_with_the_body_to_send_naming_the_callback_and_nothing_is_published_yet() {
        var request = request();

        assertThat(dispatch.request(request)).isEqualTo(Outcome.QUEUED);

        assertThat(states).containsEntry(request.deploymentId(), "PENDING");
        assertThat(built.getFirst().callbackUrl()).hasToString(
                "https://passerelle.example/api/v1/executors/webhook/deployments/0b7e3d4c-1111-4222-8333-944455556666"
                        + "/outcome");
        assertThat(bodies.get(request.deploymentId())).contains(request.deploymentId().toString());
        assertThat(events).isEmpty();
        assertThat(dispatchesTold).as("the dispatcher sends it once the transaction commits").isEqualTo(1);
    }

    @Test
    void the_request_carries_a_callback_credential_for_this_deployment_only() {
        var request = request();

        dispatch.request(request);

        var token = built.getFirst().callbackToken();
        assertThat(credentials.verify(request.deploymentId(), token)).isTrue();
        assertThat(credentials.verify(UUID.randomUUID(), token)).isFalse();
    }

    @Test
    void a_deployment_already_requested_is_left_alone() {
        dispatch.request(request());

        assertThat(dispatch.request(request())).isEqualTo(Outcome.ALREADY_REQUESTED);
        assertThat(states).containsEntry(request().deploymentId(), "PENDING");
        assertThat(events).isEmpty();
        assertThat(dispatchesTold).isEqualTo(1);
    }

    @Test
    void a_failed_dispatch_may_be_requested_again() {
        states.put(request().deploymentId(), "FAILED");

        assertThat(dispatch.request(request())).isEqualTo(Outcome.QUEUED);
        assertThat(states).containsEntry(request().deploymentId(), "PENDING");
    }

    @Test
    void without_a_secret_a_supported_type_or_a_usable_url_it_fails_at_once_with_no_attempt_and_says_why() {
        assertThat(dispatch.request(request("unknown", "webhook", "https://deploy.example/hooks")))
                .isEqualTo(Outcome.FAILED);
        states.clear();
        dispatch.request(request("payments", "argocd", "https://argo.example"));
        states.clear();
        dispatch.request(request("payments", "webhook", "ftp://deploy.example"));

        assertThat(built).isEmpty();
        assertThat(events).allSatisfy(e -> assertThat(((DeploymentOutcomeReported) e).source())
                        .isEqualTo(DeploymentOutcomeReported.Source.dispatch))
                .allSatisfy(e -> assertThat(((DeploymentOutcomeReported) e).outcome()).isEqualTo(DeploymentOutcome.FAILED))
                .extracting(e -> ((DeploymentOutcomeReported) e).reason()).containsExactly(
                "service 'unknown' is not in integration-service's catalog: no webhook secret to sign the call with",
                "deploy target type 'argocd' is not supported (only [webhook])",
                "not https: ftp://deploy.example");
    }

    @Test
    void a_refusal_for_a_deployment_already_requested_publishes_nothing() {
        dispatch.request(request());

        assertThat(dispatch.request(request("payments", "argocd", "https://argo.example")))
                .isEqualTo(Outcome.ALREADY_REQUESTED);
        assertThat(events).isEmpty();
    }

    private final class Catalog implements CatalogedServices {
        public void register(CatalogedService s) {
            throw new UnsupportedOperationException();
        }

        public Optional<CatalogedService> byName(String name) {
            return Optional.of(payments).filter(s -> s.name().equals(name));
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }
    }
}
