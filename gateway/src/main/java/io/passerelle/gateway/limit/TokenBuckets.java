package io.passerelle.gateway.limit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.passerelle.gateway.limit.RateLimits.Kind;
import io.passerelle.gateway.limit.RateLimits.Limit;
import io.passerelle.gateway.limit.RateLimits.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The token buckets, kept by Spring Cloud Gateway's {@link RedisRateLimiter} (one atomic Lua script per check; Redis
 * keys {@code request_rate_limiter.{<namespace>.<kind>.<scope>.<who>}.tokens|timestamp}, expiring on their own).
 * <p>
 * When Redis cannot be reached the gateway fails open: requests pass unchecked, a warning says so at most once a
 * minute with the number of requests that passed, and Redis is tried again every {@link #RETRY_REDIS} rather than on
 * every request. Authentication and every other check still apply; only the rate is unchecked.
 */
@Component
class TokenBuckets {

    static final Duration RETRY_REDIS = Duration.ofSeconds(5);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

    private final RedisRateLimiter redis;
    private final RateLimits limits;
    private final AtomicLong redisDownUntil = new AtomicLong(System.nanoTime());
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos() - 1);
    private final AtomicLong unchecked = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();

    /** The outcome of taking one token. */
    record Verdict(boolean allowed, Limit limit) {
    }

    TokenBuckets(ReactiveStringRedisTemplate template,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configurationService, RateLimits limits) {
        this.redis = new RedisRateLimiter(template, script, configurationService);
        this.limits = limits;
        for (var kind : Kind.values()) {
            for (var scope : Scope.values()) {
                var limit = limits.limit(kind, scope);
                redis.getConfig().put(bucket(kind, scope), new RedisRateLimiter.Config()
                        .setReplenishRate(limit.replenishRate()).setBurstCapacity(limit.burstCapacity())
                        .setRequestedTokens(limit.requestedTokens()));
            }
        }
    }

    /** Takes a token from {@code who}'s bucket; allowed without a check while Redis cannot be reached. */
    Mono<Verdict> take(Kind kind, Scope scope, String who) {
        var limit = limits.limit(kind, scope);
        if (System.nanoTime() - redisDownUntil.get() < 0) {
            passedUnchecked();
            return Mono.just(new Verdict(true, limit));
        }
        return redis.isAllowed(bucket(kind, scope), who).map(response -> {
            if ("-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
                // RedisRateLimiter's answer when Redis failed: allowed, -1 tokens left
                redisDownUntil.set(System.nanoTime() + RETRY_REDIS.toNanos());
                down.set(true);
                passedUnchecked();
            } else if (down.compareAndSet(true, false)) {
                log.info("Redis answers again: rate limits are enforced");
            }
            return new Verdict(response.isAllowed(), limit);
        });
    }

    private String bucket(Kind kind, Scope scope) {
        return limits.namespace() + "." + kind.name().toLowerCase() + "." + scope.name().toLowerCase();
    }

    private void passedUnchecked() {
        unchecked.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis cannot be reached: {} request(s) passed without a rate-limit check since the last warning "
                    + "(the gateway fails open and tries Redis again every {} s)", unchecked.getAndSet(0),
                    RETRY_REDIS.toSeconds());
        }
    }
}
