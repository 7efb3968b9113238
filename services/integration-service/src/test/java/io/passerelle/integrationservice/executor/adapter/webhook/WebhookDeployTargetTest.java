package io.passerelle.integrationservice.executor.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.TestClaims;
import io.passerelle.integrationservice.executor.adapter.webhook.DispatchSimulation.SimulatedClock;
import io.passerelle.platform.outbound.HostResolver;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The webhook adapter over real HTTP on 127.0.0.1, with a fake resolver: what it calls, and what it refuses. */
class WebhookDeployTargetTest {

    final SimulatedClock clock = new SimulatedClock(DispatchSimulation.T0);
    final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(Map.of(TargetBreakers.CONFIG,
            CircuitBreakerConfig.custom()
                    .slidingWindow(4, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(75)
                    .waitDurationInOpenState(Duration.ofSeconds(10))
                    .recordExceptions(TargetUnavailableException.class, IOException.class)
                    .clock(clock)
                    .build()));
    final TargetBreakers breakers = new TargetBreakers(registry, clock);

    /**
     * The names the fake DNS knows: answers in turn (each one or more comma-separated addresses), the last one
     * repeating; every lookup recorded.
     */
    final Map<String, List<String>> dns = new java.util.HashMap<>();
    final List<String> lookups = new CopyOnWriteArrayList<>();
    final HostResolver resolver = host -> {
        var answers = dns.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        int n = (int) lookups.stream().filter(host::equals).count();
        lookups.add(host);
        var addresses = new ArrayList<InetAddress>();
        for (var address : answers.get(Math.min(n, answers.size() - 1)).split(",")) {
            addresses.add(InetAddress.getByName(address));
        }
        return addresses;
    };
    final OutboundGuard guard = new OutboundGuard(OutboundAllowList.parse(List.of("127.0.0.0/8")), resolver);

    final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    final HttpServer server;
    final Transport http = Transport.over(new PinnedHttpClient("deploy calls", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 4, ObservationRegistry.NOOP));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final WebhookDeployTarget target;
    final List<String> starts = new ArrayList<>();
    int status = 202;

    WebhookDeployTargetTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/deploy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        target = new WebhookDeployTarget(JsonMapper.builder().build(), clock, guard, breakers, http, meters);
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        http.close();
    }

    int port() {
        return server.getAddress().getPort();
    }

    CallOutcome call(String url) {
        return target.start(Target.webhook(url), TestClaims.call(UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666"),
                "payments", "prod"), "s3cret", () -> {
                    starts.add(url);
                    return true;
                }).outcome();
    }

    @Test
    void a_name_is_called_at_the_address_the_guard_checked_never_resolved_again() {
        // no real resolver knows deploy.test: only the address the guard checked can have been used
        dns.put("deploy.test", List.of("127.0.0.1"));

        assertThat(call("http://deploy.test:" + port() + "/deploy")).isEqualTo(new CallOutcome.Accepted(202));

        assertThat(lookups).containsExactly("deploy.test");
        var headers = received.getFirst();
        assertThat(headers.get("Host")).containsExactly("deploy.test:" + port());
        assertThat(headers.get("Idempotency-key")).containsExactly("0b7e3d4c-1111-4222-8333-944455556666");
        assertThat(starts).hasSize(1);
    }

    @Test
    void every_call_is_counted_by_what_it_came_to() {
        dns.put("deploy.test", List.of("127.0.0.1"));
        dns.put("internal.test", List.of("10.1.2.3"));

        call("http://deploy.test:" + port() + "/deploy");
        status = 503;
        call("http://deploy.test:" + port() + "/deploy");
        status = 404;
        call("http://deploy.test:" + port() + "/deploy");
        call("http://internal.test/deploy");

        assertThat(meters.get(WebhookDeployTarget.CALLS).counters()).extracting(
                c -> c.getId().getTag("outcome") + "=" + (long) c.count()).containsExactlyInAnyOrder(
                "accepted=1", "unavailable=1", "refused=1", "not-called=1");
    }

    @Test
    void a_name_rebound_inside_after_the_check_is_still_called_at_the_checked_address_and_refused_at_the_next_call() {
        dns.put("rebinding.test", List.of("127.0.0.1", "169.254.169.254"));

        assertThat(call("http://rebinding.test:" + port() + "/deploy")).isEqualTo(new CallOutcome.Accepted(202));
        var second = call("http://rebinding.test:" + port() + "/deploy");

        assertThat(second).isInstanceOfSatisfying(CallOutcome.NotCalled.class, notCalled -> assertThat(
                notCalled.reason()).isEqualTo("deploy target http://rebinding.test:" + port() + "/deploy refused by"
                        + " the outbound guard: rebinding.test resolves to 169.254.169.254, the cloud metadata address"
                        + " (AWS, GCP, Azure, OCI, …): Passerelle never calls link-local, metadata, unspecified,"
                        + " multicast or reserved addresses"));
        assertThat(received).as("one call, to the address checked the first time").hasSize(1);
        assertThat(starts).as("a refused call is not an attempt").hasSize(1);
    }

    @Test
    void an_internal_address_the_operator_has_not_allowed_is_not_called() {
        dns.put("internal.test", List.of("10.1.2.3"));

        assertThat(call("http://internal.test/deploy")).isInstanceOfSatisfying(CallOutcome.NotCalled.class,
                notCalled -> assertThat(notCalled.reason()).endsWith("internal addresses are called only when the"
                        + " operator allows them (passerelle.outbound.allow)"));
        assertThat(call("http://[::1]:" + port() + "/deploy")).isInstanceOf(CallOutcome.NotCalled.class);
        assertThat(starts).isEmpty();
    }

    @Test
    void a_name_that_does_not_resolve_is_worth_another_attempt_and_does_not_count_against_the_breaker() {
        assertThat(call("http://gone.test/deploy")).isEqualTo(
                new CallOutcome.Unavailable("could not be resolved (gone.test does not resolve)"));
        assertThat(breakers.of("gone.test:80").getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void what_the_text_alone_refuses_is_unusable_before_any_lookup() {
        assertThat(target.unusable(Target.webhook("http://good@127.0.0.1/deploy"))).contains("deploy target URL"
                + " http://good@127.0.0.1/deploy must not carry user information (user@host): it disguises where the"
                + " call goes");
        assertThat(target.unusable(Target.webhook("http://169.254.169.254/latest/meta-data"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("refused by the outbound guard"));
        assertThat(target.unusable(Target.webhook("https://deploy.test/hooks"))).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void failures_open_the_breaker_which_says_how_long_it_stays_open_and_its_refusals_are_not_attempts() {
        dns.put("deploy.test", List.of("127.0.0.1"));
        var url = "http://deploy.test:" + port() + "/deploy";
        status = 503;
        for (int i = 0; i < 4; i++) {
            assertThat(call(url)).isEqualTo(new CallOutcome.Unavailable("answered HTTP 503"));
        }
        clock.advance(Duration.ofSeconds(3));

        assertThat(call(url)).isEqualTo(new CallOutcome.CircuitOpen("deploy.test:" + port(), Duration.ofSeconds(7)));
        assertThat(starts).hasSize(4);
        assertThat(received).hasSize(4);

        clock.advance(Duration.ofSeconds(8)); // past the wait: half-open, a trial call goes through
        status = 202;
        assertThat(call(url)).isEqualTo(new CallOutcome.Accepted(202));
    }

    @Test
    void a_4xx_is_final_and_not_a_failure_of_the_target() {
        dns.put("deploy.test", List.of("127.0.0.1"));
        status = 404;

        assertThat(call("http://deploy.test:" + port() + "/deploy"))
                .isEqualTo(new CallOutcome.Refused("answered HTTP 404"));
        assertThat(breakers.of("deploy.test:" + port()).getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void a_claim_that_may_no_longer_call_is_withdrawn_before_anything_is_sent() {
        dns.put("deploy.test", List.of("127.0.0.1"));

        var outcome = target.start(Target.webhook("http://deploy.test:" + port() + "/deploy"),
                TestClaims.call(UUID.randomUUID(), "payments", "prod"), "s3cret", () -> false).outcome();

        assertThat(outcome).isEqualTo(new CallOutcome.Withdrawn());
        assertThat(received).isEmpty();
        assertThat(breakers.of("deploy.test:" + port()).getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void an_address_that_refuses_connections_is_skipped_for_the_next_one_the_name_resolved_to() {
        // the server listens on 127.0.0.1 only: 127.0.0.2 refuses the connection
        dns.put("two.test", List.of("127.0.0.2,127.0.0.1"));

        assertThat(call("http://two.test:" + port() + "/deploy")).isEqualTo(new CallOutcome.Accepted(202));
        assertThat(lookups).containsExactly("two.test");
    }

    @Test
    void a_target_that_refuses_connections_is_unreachable() {
        dns.put("down.test", List.of("127.0.0.2"));

        assertThat(call("http://down.test:" + port() + "/deploy")).isInstanceOfSatisfying(
                CallOutcome.Unavailable.class, unavailable -> assertThat(unavailable.what())
                        .startsWith("was unreachable ("));
        assertThat(breakers.of("down.test:" + port()).getMetrics().getNumberOfFailedCalls()).isOne();
    }
}
