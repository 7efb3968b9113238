package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.port.Executor;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AttemptDispatchTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    final SecretSealer sealer = new SecretSealer("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
    final CatalogedService payments = new CatalogedService("payments", "octo-org/payments", "main",
            sealer.seal("s3cret"), Instant.EPOCH, java.util.List.of("prod"));
    /** What happened, in order: "start" (the attempt counted), "call" (the request sent), "settle …". */
    final List<String> steps = new ArrayList<>();
    final List<Decision> settled = new ArrayList<>();
    final List<Object> events = new ArrayList<>();
    final List<String> secretsUsed = new ArrayList<>();
    /** What settle kept: the executor's reference and when the deployment is looked at. */
    final List<String> kept = new ArrayList<>();
    boolean leaseHeld = true;

    /** As the webhook adapter does: the attempt is counted once the call is allowed, then sent. */
    final class FakeExecutor implements Executor {

        final String type;
        final boolean watches;

        FakeExecutor(String type, boolean watches) {
            this.type = type;
            this.watches = watches;
        }

        public String type() {
            return type;
        }

        public Optional<String> unusable(Target target) {
            return Optional.empty();
        }

        public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
            if (!start.begin()) {
                return Start.of(new CallOutcome.Withdrawn());
            }
            secretsUsed.add(secret);
            steps.add("call");
            return new Start(new CallOutcome.Accepted(202), watches ? "rev-" + call.commitSha() : null);
        }

        public boolean watches() {
            return watches;
        }

        public Observed observe(Target target, DeployCall call, String reference, String secret) {
            throw new UnsupportedOperationException();
        }
    }

    final AttemptDispatch attempt = new AttemptDispatch(new ExecutorRegistry(List.of(
            new FakeExecutor("webhook", false), new FakeExecutor("argocd", true))), new CallSecrets(new CatalogedServices() {
        public void register(CatalogedService s) {
            throw new UnsupportedOperationException();
        }

        public Optional<CatalogedService> byName(String name) {
            return Optional.of(payments).filter(s -> s.name().equals(name));
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }
    }, sealer), new Dispatches() {
        public boolean request(DeploymentRequest request, DeployCall call, Instant at) {
            throw new UnsupportedOperationException();
        }

        public boolean refuse(DeploymentRequest request, String reason, Instant at) {
            throw new UnsupportedOperationException();
        }

        public List<Claim> claim(int limit, Instant now, Duration lease) {
            throw new UnsupportedOperationException();
        }

        public Optional<Instant> nextDue() {
            throw new UnsupportedOperationException();
        }

        public boolean startAttempt(Claim claim, Instant at) {
            steps.add("start");
            return leaseHeld;
        }

        public boolean settle(Claim claim, Decision decision, @Nullable String reference, @Nullable Instant checkAt,
                Instant at) {
            steps.add("settle " + decision.getClass().getSimpleName());
            kept.add(reference + " " + checkAt);
            if (leaseHeld) {
                settled.add(decision);
            }
            return leaseHeld;
        }

        public boolean recordOutcome(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason,
                @Nullable UUID deliveryId, Instant at) {
            throw new UnsupportedOperationException();
        }

        public Optional<RecordedDispatch> lockRecorded(UUID deploymentId) {
            throw new UnsupportedOperationException();
        }

        public List<Watch> claimWatches(int limit, Instant now, Duration lease) {
            throw new UnsupportedOperationException();
        }

        public Optional<Instant> nextWatchDue() {
            throw new UnsupportedOperationException();
        }

        public boolean rewatch(Watch watch, String reference, Instant nextCheckAt, Instant at) {
            throw new UnsupportedOperationException();
        }
    }, events::add, new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(10)),
            new WatchPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC));

    static final DeployCall CALL = new DeployCall(UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666"),
            UUID.randomUUID(), "payments", "prod", "1.4.2", "3484a3f", java.net.URI.create("https://cb.example/x"),
            "token");

    static Claim claim(String service, int attempts) {
        return new Claim(CALL.deploymentId(), service, "prod", Target.webhook("https://deploy.example/hooks"), CALL,
                attempts, null, NOW.minusSeconds(1), NOW.plusSeconds(60), Map.of());
    }

    Claim argocd(@Nullable String credentialSealed) {
        return new Claim(CALL.deploymentId(), "payments", "prod", new Target("argocd", "https://argocd.example",
                Map.of("application", "payments"), credentialSealed), CALL, 0, null, NOW.minusSeconds(1),
                NOW.plusSeconds(60), Map.of());
    }

    @Test
    void the_call_is_signed_with_the_unsealed_secret() {
        assertThat(attempt.call(claim("payments", 0)).outcome()).isEqualTo(new CallOutcome.Accepted(202));
        assertThat(secretsUsed).containsExactly("s3cret");
    }

    @Test
    void a_vendor_is_called_with_its_own_credential_unsealed_and_its_start_is_kept_to_watch_from() {
        var claim = argocd(sealer.seal("argocd-token"));

        var start = attempt.call(claim);

        assertThat(secretsUsed).containsExactly("argocd-token");
        assertThat(start.reference()).isEqualTo("rev-3484a3f");
        assertThat(attempt.settle(claim, start)).contains(new Decision.Dispatched(1));
        assertThat(kept).containsExactly("rev-3484a3f " + NOW.plusSeconds(2));
        assertThat(events).isEmpty();
    }

    @Test
    void a_vendor_target_without_a_credential_is_not_called_and_fails_saying_so() {
        var start = attempt.call(argocd(null));

        assertThat(start.outcome()).isEqualTo(new CallOutcome.NotCalled("the argocd target of payments has no"
                + " credential to call with (register it with one)"));
        assertThat(steps).isEmpty();
    }

    @Test
    void a_webhook_s_accepted_call_is_not_watched() {
        attempt.settle(claim("payments", 0), attempt.call(claim("payments", 0)));

        assertThat(kept).containsExactly("null null");
    }

    @Test
    void the_attempt_is_counted_before_the_request_is_sent_so_a_lost_answer_still_counts() {
        attempt.call(claim("payments", 0));

        assertThat(steps).containsExactly("start", "call");
    }

    @Test
    void a_claim_that_no_longer_holds_when_the_call_starts_is_not_called_and_records_nothing() {
        leaseHeld = false; // the deployment's outcome was reported meanwhile, or another instance took the lease

        var outcome = attempt.call(claim("payments", 0));

        assertThat(outcome.outcome()).isEqualTo(new CallOutcome.Withdrawn());
        assertThat(attempt.settle(claim("payments", 0), outcome)).isEmpty();
        assertThat(steps).containsExactly("start");
        assertThat(events).isEmpty();
    }

    @Test
    void a_claim_whose_attempts_are_used_up_is_never_called_again_and_awaits_the_outcome() {
        var lost = claim("payments", 3); // the 3rd call's answer was lost: its lease expired, it was claimed again

        var outcome = attempt.call(lost);

        assertThat(outcome.outcome()).isEqualTo(new CallOutcome.AttemptsUsedUp());
        assertThat(steps).isEmpty();
        assertThat(attempt.settle(lost, outcome)).contains(new Decision.Retry(3,
                lost.requestedAt().plus(Duration.ofMinutes(10)), null));
        assertThat(events).isEmpty();
    }

    @Test
    void a_service_gone_from_the_catalog_is_not_called() {
        assertThat(attempt.call(claim("unknown", 0)).outcome()).isInstanceOf(CallOutcome.NotCalled.class);
        assertThat(secretsUsed).isEmpty();
        assertThat(steps).isEmpty();
    }

    @Test
    void a_delivered_attempt_is_recorded_with_the_attempts_made_and_publishes_nothing_the_outcome_comes_later() {
        assertThat(attempt.settle(claim("payments", 1), Executor.Start.of(new CallOutcome.Accepted(200))))
                .contains(new Decision.Dispatched(2));
        assertThat(settled).containsExactly(new Decision.Dispatched(2));
        assertThat(events).isEmpty();
    }

    @Test
    void a_retry_publishes_nothing_and_a_final_failure_is_the_deployment_s_outcome_with_its_reason() {
        attempt.settle(claim("payments", 0), Executor.Start.of(new CallOutcome.Unavailable("answered HTTP 500")));
        assertThat(events).isEmpty();

        attempt.settle(claim("payments", 0), Executor.Start.of(new CallOutcome.Refused("answered HTTP 404")));
        assertThat(events).singleElement().isInstanceOfSatisfying(DeploymentOutcomeReported.class, failed -> {
            assertThat(failed.outcome()).isEqualTo(DeploymentOutcome.FAILED);
            assertThat(failed.source()).isEqualTo(DeploymentOutcomeReported.Source.dispatch);
            assertThat(failed.executor()).isEqualTo("webhook");
            assertThat(failed.deliveryId()).isNull();
            assertThat(failed.reason()).startsWith("deploy target answered HTTP 404");
        });
    }

    @Test
    void a_claimer_that_lost_its_lease_records_and_publishes_nothing() {
        leaseHeld = false;

        assertThat(attempt.settle(claim("payments", 0), Executor.Start.of(new CallOutcome.Accepted(200)))).isEmpty();
        assertThat(settled).isEmpty();
        assertThat(events).isEmpty();
    }
}
