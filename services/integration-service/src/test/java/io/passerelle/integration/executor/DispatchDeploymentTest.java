package io.passerelle.integration.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integration.catalog.CatalogedService;
import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.platform.crypto.SecretSealer;
import org.junit.jupiter.api.Test;

class DispatchDeploymentTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    final SecretSealer sealer = new SecretSealer("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
    final CatalogedService payments = new CatalogedService("payments", "octo-org/payments", "main",
            sealer.seal("s3cret"), Instant.EPOCH);
    final Map<UUID, Dispatch> log = new HashMap<>();
    final List<Object> events = new ArrayList<>();
    final List<String> secretsUsed = new ArrayList<>();
    final List<DeployCall> calls = new ArrayList<>();
    Dispatch answer = new Dispatch.Delivered(1);

    final DispatchDeployment dispatch = new DispatchDeployment(new Catalog(), new Dispatches() {
        public boolean alreadyDispatched(UUID id) {
            return log.get(id) instanceof Dispatch.Delivered;
        }

        public void record(DeploymentRequest request, Dispatch outcome, Instant at) {
            log.put(request.deploymentId(), outcome);
        }
    }, new DeployTarget() {
        public boolean supports(String type) {
            return type.equals("webhook");
        }

        public Dispatch send(String url, DeployCall call, String secret) {
            calls.add(call);
            secretsUsed.add(secret);
            return answer;
        }
    }, new DispatchEvents() {
        public void dispatched(DeploymentDispatched e) {
            events.add(e);
        }

        public void dispatchFailed(DeploymentDispatchFailed e) {
            events.add(e);
        }
    }, sealer, Clock.fixed(NOW, ZoneOffset.UTC), "https://passerelle.example/");

    static DeploymentRequest request(String service, String type) {
        return new DeploymentRequest(UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666"), UUID.randomUUID(),
                service, "prod", "1.4.2", "3484a3f", type, "https://deploy.example/hooks");
    }

    @Test
    void a_delivered_call_is_signed_with_the_unsealed_secret_and_names_the_callback() {
        var request = request("payments", "webhook");

        assertThat(dispatch.dispatch(request)).contains(new Dispatch.Delivered(1));

        assertThat(secretsUsed).containsExactly("s3cret");
        assertThat(calls.getFirst().callbackUrl()).isEqualTo(URI.create(
                "https://passerelle.example/api/v1/deployments/0b7e3d4c-1111-4222-8333-944455556666/status"));
        assertThat(events).containsExactly(new DeploymentDispatched(request.deploymentId(), "payments", "prod",
                "https://deploy.example/hooks", 1, NOW));
    }

    @Test
    void a_deployment_already_dispatched_is_not_sent_again() {
        dispatch.dispatch(request("payments", "webhook"));

        assertThat(dispatch.dispatch(request("payments", "webhook"))).isEmpty();
        assertThat(calls).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void a_failed_dispatch_is_reported_with_its_reason_and_may_be_requested_again() {
        answer = new Dispatch.Failed(3, "deploy target answered HTTP 500 on each of 3 attempt(s)");
        dispatch.dispatch(request("payments", "webhook"));
        answer = new Dispatch.Delivered(1);
        dispatch.dispatch(request("payments", "webhook"));

        assertThat(events).hasSize(2).first().isInstanceOfSatisfying(DeploymentDispatchFailed.class,
                failed -> assertThat(failed.attempts()).isEqualTo(3));
        assertThat(events.get(1)).isInstanceOf(DeploymentDispatched.class);
    }

    @Test
    void without_a_secret_or_a_supported_target_nothing_is_called_and_the_failure_says_why() {
        dispatch.dispatch(request("unknown", "webhook"));
        dispatch.dispatch(new DeploymentRequest(UUID.randomUUID(), UUID.randomUUID(), "payments", "prod", "1", "abcdef1",
                "argocd", "https://argo.example"));

        assertThat(calls).isEmpty();
        assertThat(events).extracting(e -> ((DeploymentDispatchFailed) e).reason()).containsExactly(
                "service 'unknown' is not in integration-service's catalog: no webhook secret to sign the call with",
                "deploy target type 'argocd' is not supported");
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
