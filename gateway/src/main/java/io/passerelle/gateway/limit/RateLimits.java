package io.passerelle.gateway.limit;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.rate-limits}: token buckets in Redis, one per client and one per source address, separately for
 * the API (everything but webhooks) and for {@code /webhooks/**}. A bucket holds {@code burst-capacity} requests and
 * refills {@code replenish-rate} per second. {@code namespace} keeps the buckets of one deployment (or test) apart
 * from another's on a shared Redis.
 */
@ConfigurationProperties("passerelle.rate-limits")
record RateLimits(String namespace, Traffic api, Traffic webhooks) {

    RateLimits {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("passerelle.rate-limits.namespace must not be blank");
        }
        if (api == null || webhooks == null) {
            throw new IllegalArgumentException("passerelle.rate-limits.api and .webhooks must both be set");
        }
    }

    Limit limit(Kind kind, Scope scope) {
        var traffic = kind == Kind.WEBHOOKS ? webhooks : api;
        return scope == Scope.CLIENT ? traffic.perClient() : traffic.perAddress();
    }

    /** What is limited apart: webhook deliveries, and everything else. */
    enum Kind {
        API, WEBHOOKS;

        static Kind of(String path) {
            return path.startsWith("/webhooks/") ? WEBHOOKS : API;
        }
    }

    /** Whom a bucket belongs to. */
    enum Scope {
        CLIENT, ADDRESS
    }

    record Traffic(Limit perClient, Limit perAddress) {

        Traffic {
            if (perClient == null || perAddress == null) {
                throw new IllegalArgumentException("both per-client and per-address limits must be set");
            }
        }
    }

    /**
     * A bucket of {@code burst-capacity} tokens refilled by {@code replenish-rate} tokens each second; a request costs
     * {@code requested-tokens} (default 1). Rates below one request per second take a higher cost: replenish-rate 1,
     * requested-tokens 60, burst-capacity 600 is one request a minute in bursts of ten.
     */
    record Limit(int replenishRate, long burstCapacity, int requestedTokens) {

        Limit {
            if (requestedTokens == 0) {
                requestedTokens = 1;
            }
            if (replenishRate < 1 || requestedTokens < 1 || burstCapacity < Math.max(replenishRate, requestedTokens)) {
                throw new IllegalArgumentException("a rate limit needs replenish-rate >= 1, requested-tokens >= 1 and "
                        + "burst-capacity >= both; got " + replenishRate + ", " + requestedTokens + " and " + burstCapacity);
            }
        }

        /** Seconds until an empty bucket holds a request again: the bucket refills once a second. */
        long retryAfterSeconds() {
            return (requestedTokens + replenishRate - 1) / replenishRate;
        }

        @Override
        public String toString() {
            double perSecond = (double) replenishRate / requestedTokens;
            var rate = perSecond >= 1 ? plain(perSecond) + " per second" : "one per " + plain(1 / perSecond) + " s";
            return rate + " (bursts of " + burstCapacity / requestedTokens + ")";
        }

        private static String plain(double number) {
            return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }
}
