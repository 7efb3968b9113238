package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.outbound.PinnedHttpClient;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;

/**
 * What a vendor client's test needs around it: a fake DNS that knows {@code <vendor>.test} as 127.0.0.1 (and nothing
 * else), the outbound guard allowing 127.0.0.0/8, a breaker registry (opens after 2 failures of 2 calls), a time
 * limiter of {@code timeLimit}, and the {@link VendorCalls} made of them.
 */
public final class VendorTestbed implements AutoCloseable {

    public static final DeployCall CALL = new DeployCall(UUID.fromString("5f0c6a52-1b7e-4c39-9f5d-2a8e7d1c4b60"),
            UUID.fromString("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a"), "payments", "production", "1.4.2",
            "a10867b14bb761a232cd80139fbd4c0d33264240", java.net.URI.create("https://passerelle.test/callbacks"),
            "callback-token-never-sent-to-vendors");

    public final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of(VendorCalls.BREAKER_CONFIG,
            CircuitBreakerConfig.custom()
                    .slidingWindow(2, 2, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(100)
                    .waitDurationInOpenState(Duration.ofSeconds(30))
                    .recordExceptions(VendorCalls.VendorUnavailableException.class, IOException.class,
                            java.util.concurrent.TimeoutException.class)
                    .build()));
    public final VendorCalls calls;
    private final String host;

    public VendorTestbed(String vendor, Duration timeLimit) {
        this.host = vendor + ".test";
        var guard = new OutboundGuard(OutboundAllowList.parse(List.of("127.0.0.0/8")), name -> {
            if (!name.equals(host)) {
                throw new UnknownHostException(name);
            }
            return List.of(InetAddress.getByName("127.0.0.1"));
        });
        calls = new VendorCalls(vendor, guard, breakers, Clock.systemUTC(),
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(timeLimit).build()),
                new PinnedHttpClient(vendor + " calls", Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                        ObservationRegistry.NOOP), 1 << 20);
    }

    /** The vendor's base URL on the double, by the name only the fake DNS knows. */
    public String url(VendorApiDouble api) {
        return "http://" + host + ":" + api.port();
    }

    @Override
    public void close() throws IOException {
        calls.close();
    }
}
