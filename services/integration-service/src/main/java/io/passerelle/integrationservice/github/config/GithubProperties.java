package io.passerelle.integrationservice.github.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.github.*}: the GitHub API, the GitHub App that is an environment's custom deployment protection
 * rule, and how its reviews are sent.
 *
 * @param apiUrl the REST API: {@code https://api.github.com}, or {@code https://<host>/api/v3} (GitHub Enterprise
 *        Server); callback URLs must lie under it
 * @param app the GitHub App; all three set, or none (then protection-rule deliveries are refused with 401)
 * @param reviews the review worker and its retry policy
 */
@ConfigurationProperties("passerelle.github")
record GithubProperties(@DefaultValue("https://api.github.com") String apiUrl, @DefaultValue App app,
        @DefaultValue Reviews reviews) {

    /**
     * @param id the App's id (its settings page: "App ID"), the {@code iss} of its JWT
     * @param privateKey the App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8)
     * @param webhookSecret the App's webhook secret: protection-rule deliveries are signed with it
     */
    record App(@Nullable String id, @Nullable String privateKey, @Nullable String webhookSecret) {

        App {
            id = blankToNull(id);
            privateKey = blankToNull(privateKey);
            webhookSecret = blankToNull(webhookSecret);
            int set = (id == null ? 0 : 1) + (privateKey == null ? 0 : 1) + (webhookSecret == null ? 0 : 1);
            if (set != 0 && set != 3) {
                throw new IllegalArgumentException("passerelle.github.app: set id, private-key and webhook-secret"
                        + " together (or none of them, when no GitHub App is used)");
            }
        }

        boolean configured() {
            return id != null;
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * @param maxAttempts attempts (token and review) before a retryable failure is final
     * @param backoff wait after the first failed attempt, doubling after each further one, up to {@code maxBackoff}
     * @param giveUpAfter since the decision: how long the outcome of a last attempt whose answer was lost is awaited
     * @param lease how long a claim is held; one not settled by then is sent again
     */
    record Reviews(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("1h") Duration giveUpAfter,
            @DefaultValue("1m") Duration lease,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("4") int concurrency) {

        Reviews {
            // two calls per attempt at most (token, review)
            if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(4)) < 0) {
                throw new IllegalArgumentException("passerelle.github.reviews.lease (" + lease + ") must be at least"
                        + " four times connect-timeout + read-timeout, or reviews still running would be sent again");
            }
            if (concurrency < 1 || !pollInterval.isPositive()) {
                throw new IllegalArgumentException("passerelle.github.reviews.concurrency and poll-interval must be"
                        + " positive");
            }
        }
    }
}
