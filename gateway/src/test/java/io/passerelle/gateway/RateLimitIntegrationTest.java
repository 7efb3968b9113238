package io.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits against the machine's real Redis (127.0.0.1:6379): small buckets in a namespace of their own, and a
 * source address of its own per test (any of 127.0.0.0/8 reaches the gateway), so that nothing else counts against
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.rate-limits.namespace=test-limits-${random.uuid}",
        // one request per 100 s after a burst of 3 (6, 2, 8): nothing refills while a test runs, however slow
        "passerelle.rate-limits.api.per-client.replenish-rate=1",
        "passerelle.rate-limits.api.per-client.requested-tokens=100",
        "passerelle.rate-limits.api.per-client.burst-capacity=300",
        "passerelle.rate-limits.api.per-address.replenish-rate=1",
        "passerelle.rate-limits.api.per-address.requested-tokens=100",
        "passerelle.rate-limits.api.per-address.burst-capacity=600",
        "passerelle.rate-limits.webhooks.per-client.replenish-rate=1",
        "passerelle.rate-limits.webhooks.per-client.requested-tokens=100",
        "passerelle.rate-limits.webhooks.per-client.burst-capacity=200",
        "passerelle.rate-limits.webhooks.per-address.replenish-rate=1",
        "passerelle.rate-limits.webhooks.per-address.requested-tokens=100",
        "passerelle.rate-limits.webhooks.per-address.burst-capacity=800"})
class RateLimitIntegrationTest {

    static final Backend backend = new Backend();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        backend.register(registry);
    }

    @BeforeAll
    static void redisRuns() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2_000);
        } catch (IOException e) {
            fail("Redis is not running on 127.0.0.1:6379, and these tests need it: redis-server --daemonize yes");
        }
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Connection: close\r\n\r\n";
    }

    static String post(String path, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n{}";
    }

    List<Integer> burst(String from, int count, String request) {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            statuses.add(RawHttp.send(port, from, request).status());
        }
        return statuses;
    }

    static void assertTooManyRequests(RawHttp.Response response, String detail) {
        EdgeRefusalsTest.assertProblem(response, 429, "rate-limited");
        assertThat(response.header("Retry-After")).isEqualTo("100");
        assertThat(response.json().path("detail").asString()).contains(detail);
    }

    @Test
    void a_client_over_its_limit_gets_429_with_retry_after_while_another_client_is_served() {
        var ci = backend.token("service-account-ci", "pipeline");
        var other = backend.token("alice", "change-manager");
        assertThat(burst("127.0.10.1", 3, get("/api/v1/changes", ci))).containsOnly(200);
        var refused = RawHttp.send(port, "127.0.10.1", get("/api/v1/changes", ci));
        assertTooManyRequests(refused, "this client");
        assertThat(RawHttp.send(port, "127.0.10.1", get("/api/v1/changes", other)).status()).isEqualTo(200);
        // the same client from another address is still over its limit
        assertThat(RawHttp.send(port, "127.0.10.2", get("/api/v1/changes", ci)).status()).isEqualTo(429);
    }

    @Test
    void an_address_over_its_limit_gets_429_whatever_its_requests_would_have_got() {
        var statuses = burst("127.0.11.1", 6, get("/api/v1/changes", null));
        assertThat(statuses).containsOnly(401);
        assertTooManyRequests(RawHttp.send(port, "127.0.11.1", get("/api/v1/changes", null)), "this address");
        assertTooManyRequests(RawHttp.send(port, "127.0.11.1", get("/actuator/health", null)), "this address");
        assertThat(RawHttp.send(port, "127.0.11.2", get("/actuator/health", null)).status()).isEqualTo(200);
    }

    @Test
    void webhooks_have_buckets_of_their_own_with_their_own_limits() {
        assertThat(burst("127.0.12.1", 6, get("/api/v1/changes", null))).containsOnly(401);
        assertThat(RawHttp.send(port, "127.0.12.1", get("/api/v1/changes", null)).status()).isEqualTo(429);

        assertThat(burst("127.0.12.1", 8, post("/webhooks/github", null))).containsOnly(200);
        assertTooManyRequests(RawHttp.send(port, "127.0.12.1", post("/webhooks/github", null)), "webhook deliveries");
    }

    @Test
    void the_monitoring_client_has_a_webhook_limit_of_its_own() {
        var monitoring = backend.token("service-account-monitoring", "monitoring");
        assertThat(burst("127.0.13.1", 2, post("/webhooks/alertmanager", monitoring))).containsOnly(200);
        assertTooManyRequests(RawHttp.send(port, "127.0.13.1", post("/webhooks/alertmanager", monitoring)),
                "webhook deliveries from this client");
    }
}
