package io.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without Redis the gateway fails open: requests pass, at once, and a warning says that rates go unchecked. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.rate-limits.namespace=test-no-redis",
        "passerelle.rate-limits.api.per-client.replenish-rate=1",
        "passerelle.rate-limits.api.per-client.burst-capacity=1",
        "passerelle.rate-limits.api.per-address.replenish-rate=1",
        "passerelle.rate-limits.api.per-address.burst-capacity=1"})
class RateLimitWithoutRedisIntegrationTest {

    static final Backend backend = new Backend();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        backend.register(registry);
        registry.add("spring.data.redis.port", RateLimitWithoutRedisIntegrationTest::closedPort);
    }

    static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void requests_pass_unchecked_and_at_once_and_a_warning_says_so(CapturedOutput output) {
        var token = backend.token("alice", "change-manager");
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            var response = RawHttp.send(port, "127.0.20.1", "GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(output).containsOnlyOnce("Redis cannot be reached").doesNotContain("Error calling rate limiter lua");
    }
}
