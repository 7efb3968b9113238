package io.passerelle.integrationservice.executor.adapter.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One Resilience4j circuit breaker per deploy target {@code host:port} (config {@code deploy-target} under
 * {@code resilience4j.circuitbreaker.configs}), and when each one opened: a call it refuses learns how long the
 * breaker stays open still, so the dispatch comes back when it can be admitted rather than after a full wait. The
 * breakers come from the registry resilience4j-spring-boot4 configures, which also binds each one to Micrometer
 * ({@code resilience4j_circuitbreaker_state{name=<host:port>}} and the other {@code resilience4j_circuitbreaker_*}).
 */
public final class TargetBreakers {

    static final String CONFIG = "deploy-target";

    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

    /** @param clock the clock the registry's breakers keep time with (the service's clock) */
    public TargetBreakers(CircuitBreakerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    CircuitBreaker of(String authority) {
        return breakers.computeIfAbsent(authority, name -> {
            var breaker = registry.circuitBreaker(name, CONFIG);
            breaker.getEventPublisher().onStateTransition(transition -> {
                if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    var wait = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
                    openUntil.put(name, clock.instant().plusMillis(wait));
                }
            });
            return breaker;
        });
    }

    /** How long a refused call should wait: the time the breaker stays open still; zero when half-open or unknown. */
    Duration retryIn(CircuitBreaker breaker) {
        var until = openUntil.get(breaker.getName());
        if (breaker.getState() != CircuitBreaker.State.OPEN || until == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
