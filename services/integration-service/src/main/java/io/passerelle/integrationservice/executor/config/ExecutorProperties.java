package io.passerelle.integrationservice.executor.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.executor.*}: the deploy target HTTP client, the retry policy across attempts, the dispatcher, and
 * the watcher of started deployments.
 *
 * @param maxAttempts HTTP calls made before a retryable failure becomes final
 * @param backoff wait after the first failed attempt, doubling after each further one, up to {@code maxBackoff}
 * @param giveUpAfter how long, since the request, an open circuit is waited out before the dispatch fails
 * @param lease how long a claim is held; a claimer that has not recorded an outcome by then is presumed dead
 * @param pollInterval the dispatcher's longest sleep
 * @param concurrency calls in flight at once per instance
 * @param callbackWindow how far a callback's signed timestamp may be from now, either way
 * @param watchInterval the first wait before a watched deployment is looked at, doubling after each look
 * @param watchMaxInterval the longest wait between two looks
 * @param vendorTimeLimit how long one operation against a vendor's API may take in all (Resilience4j time limiter)
 */
@ConfigurationProperties("passerelle.executor")
record ExecutorProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration backoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("10m") Duration giveUpAfter,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("8") int concurrency,
        @DefaultValue("5m") Duration callbackWindow,
        @DefaultValue("2s") Duration watchInterval,
        @DefaultValue("30s") Duration watchMaxInterval,
        @DefaultValue("20s") Duration vendorTimeLimit) {

    ExecutorProperties {
        if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("passerelle.executor.lease (" + lease + ") must be at least twice"
                    + " connect-timeout + read-timeout, or calls still running would be sent again");
        }
        if (lease.compareTo(vendorTimeLimit.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("passerelle.executor.lease (" + lease + ") must be at least twice"
                    + " vendor-time-limit, or looks and calls still running would be made again");
        }
        if (concurrency < 1 || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("passerelle.executor.concurrency and poll-interval must be positive");
        }
    }
}
