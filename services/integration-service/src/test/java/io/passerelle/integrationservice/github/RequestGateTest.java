package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    static final String APP_SECRET = "app-secret";
    static final UUID GATE = UUID.fromString("5d3c2b1a-9e8f-4a7b-8c6d-1e2f3a4b5c6d");
    static final Instant NOW = Instant.parse("2026-11-27T15:14:56Z");
    static final String CALLBACK = "https://api.github.com/repos/acme/payments/actions/runs/12201231746"
            + "/deployment_protection_rule";

    final CatalogedService payments = new CatalogedService("payments", "acme/payments", "main", "sealed",
            Instant.EPOCH, List.of("staging", "production"));
    final Set<String> deliveries = new HashSet<>();
    final List<ProtectionRequest> requests = new ArrayList<>();
    final List<Object> published = new ArrayList<>();
    final RequestGate gates = gates(APP_SECRET);
    final byte[] body = "{\"action\":\"requested\"}".getBytes(StandardCharsets.UTF_8);

    RequestGate gates(@Nullable String appSecret) {
        return new RequestGate(new OneService(), (id, event, service, at) -> deliveries.add(id), new Recorded(),
                published::add, new ApiUrl("https://api.github.com"), appSecret, () -> GATE,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ProtectionRuleDelivery rule(String action, @Nullable String repository, @Nullable String environment,
            @Nullable String callback, @Nullable String sha, @Nullable Long installation, @Nullable String actor) {
        return new ProtectionRuleDelivery(new GithubDelivery(ProtectionRuleDelivery.EVENT, "d-1", repository, action,
                null), "https://github.com/acme/payments", environment, callback, sha, installation, actor);
    }

    static ProtectionRuleDelivery rule() {
        return rule("requested", "acme/payments", "Production", CALLBACK, "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086",
                57923423L, "klutchell");
    }

    String signed() {
        return HmacSha256.sign(APP_SECRET, body);
    }

    @Test
    void a_signed_request_records_the_gate_and_asks_for_it() {
        var outcome = gates.receive(rule(), body, signed());

        var event = new GateRequested(GATE, "payments", "production", "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086",
                "https://github.com/acme/payments/actions/runs/12201231746", "klutchell", NOW,
                "github-deployment-protection-rule");
        assertThat(outcome).isEqualTo(new RequestGate.Outcome.Requested(event));
        assertThat(published).containsExactly(event);
        assertThat(requests).containsExactly(new ProtectionRequest(GATE, "d-1", "acme/payments", "payments",
                "production", "Production", "8a7d3b7f56830f91e5c0c02ab44d3215b29ad086", 12201231746L, CALLBACK,
                57923423L, "klutchell", NOW));
        assertThat(deliveries).containsExactly("d-1");
    }

    @Test
    void only_the_apps_secret_authenticates_and_a_refusal_writes_nothing() {
        var repositorySigned = HmacSha256.sign("the-repository-secret", body);

        assertThatThrownBy(() -> gates.receive(rule(), body, repositorySigned))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("GitHub App's webhook secret");
        assertThatThrownBy(() -> gates.receive(rule(), body, null))
                .isInstanceOf(InvalidSignatureException.class).hasMessage("X-Hub-Signature-256 is missing");
        assertThatThrownBy(() -> gates(null).receive(rule(), body, signed()))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("no GitHub App is configured");
        assertNothingWritten();
    }

    @Test
    void an_action_other_than_requested_is_ignored_without_writing() {
        var other = rule("completed", "acme/payments", "Production", CALLBACK, "8a7d3b7", 1L, "klutchell");

        assertThat(gates.receive(other, body, signed())).isEqualTo(new RequestGate.Outcome.Ignored(
                "deployment_protection_rule action 'completed' is not 'requested'"));
        assertNothingWritten();
    }

    @Test
    void a_missing_field_is_named() {
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", null, CALLBACK, "8a7d3b7", 1L, "k"),
                body, signed())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'environment' is required in a deployment_protection_rule delivery");
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", "production", CALLBACK, "8a7d3b7",
                null, "k"), body, signed())).hasMessageStartingWith("'installation.id' is required");
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", "production", CALLBACK, "8a7d3b7",
                1L, null), body, signed())).hasMessageStartingWith("'deployment.creator.login or sender.login'");
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", "production", CALLBACK, "main",
                1L, "k"), body, signed())).hasMessageStartingWith("'deployment.sha' must be a commit SHA");
        assertNothingWritten();
    }

    @Test
    void a_callback_elsewhere_is_refused_before_the_catalog_is_read() {
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", "production",
                CALLBACK.replace("api.github.com", "evil.example"), "8a7d3b7", 1L, "k"), body, signed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not on the GitHub API");
        assertNothingWritten();
    }

    @Test
    void an_unknown_repository_or_environment_is_a_rule_violation_naming_it() {
        var unknownRepository = rule("requested", "acme/unknown", "production",
                CALLBACK.replace("acme/payments", "acme/unknown"), "8a7d3b7", 1L, "k");
        assertThatThrownBy(() -> gates.receive(unknownRepository, body, signed()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessage("repository acme/unknown is not in Passerelle's catalog: register its service first");
        assertThatThrownBy(() -> gates.receive(rule("requested", "acme/payments", "qa", CALLBACK, "8a7d3b7", 1L, "k"),
                body, signed())).isInstanceOf(RuleViolationException.class)
                .hasMessage("environment 'qa' is not an environment of service payments (its environments: staging,"
                        + " production)");
        assertNothingWritten();
    }

    @Test
    void a_replayed_delivery_is_refused_without_a_second_gate() {
        gates.receive(rule(), body, signed());

        assertThatThrownBy(() -> gates.receive(rule(), body, signed())).isInstanceOf(ReplayedDeliveryException.class);
        assertThat(published).hasSize(1);
        assertThat(requests).hasSize(1);
    }

    @Test
    void without_the_repositorys_page_the_run_url_is_the_apis() {
        var noPage = new ProtectionRuleDelivery(rule().delivery(), null, "production", CALLBACK, "8a7d3b7", 1L, "k");

        var outcome = (RequestGate.Outcome.Requested) gates.receive(noPage, body, signed());

        assertThat(outcome.event().runUrl())
                .isEqualTo("https://api.github.com/repos/acme/payments/actions/runs/12201231746");
    }

    void assertNothingWritten() {
        assertThat(deliveries).isEmpty();
        assertThat(requests).isEmpty();
        assertThat(published).isEmpty();
    }

    class OneService implements CatalogedServices {

        @Override
        public void register(CatalogedService service) {
        }

        @Override
        public Optional<CatalogedService> byName(String name) {
            return Optional.of(payments).filter(s -> s.name().equals(name));
        }

        @Override
        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.of(payments).filter(s -> s.repository().equalsIgnoreCase(repository));
        }
    }

    class Recorded implements ProtectionRequests {

        @Override
        public void add(ProtectionRequest request) {
            requests.add(request);
        }

        @Override
        public boolean queueReview(UUID gateId, Review review, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ReviewClaim> claim(int limit, Instant now, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> nextDue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean startAttempt(ReviewClaim claim, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean settle(ReviewClaim claim, Decision decision, Instant at) {
            throw new UnsupportedOperationException();
        }
    }
}
