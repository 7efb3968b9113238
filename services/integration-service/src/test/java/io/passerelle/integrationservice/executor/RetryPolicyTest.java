package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant REQUESTED = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant NOW = REQUESTED.plusSeconds(5);
    final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(10));

    static Claim claim(int attempts, @Nullable String failures) {
        return TestClaims.webhook(UUID.randomUUID(), "payments", "prod", "https://deploy.example/hooks", attempts,
                failures, REQUESTED, NOW.plusSeconds(60));
    }

    static final CallOutcome HTTP_500 = new CallOutcome.Unavailable("answered HTTP 500");
    static final CallOutcome OPEN = new CallOutcome.CircuitOpen("deploy.example:443", Duration.ofSeconds(30));

    @Test
    void a_2xx_is_dispatched_counting_this_attempt() {
        assertThat(policy.decide(claim(1, "answered HTTP 503"), new CallOutcome.Accepted(201), NOW))
                .isEqualTo(new Decision.Dispatched(2));
    }

    @Test
    void a_retryable_failure_comes_back_after_200_ms_then_400_ms() {
        assertThat(policy.decide(claim(0, null), HTTP_500, NOW))
                .isEqualTo(new Decision.Retry(1, NOW.plusMillis(200), "answered HTTP 500"));
        assertThat(policy.decide(claim(1, "answered HTTP 500"), HTTP_500, NOW))
                .isEqualTo(new Decision.Retry(2, NOW.plusMillis(400), "answered HTTP 500"));
    }

    @Test
    void the_backoff_doubles_up_to_its_cap() {
        var patient = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(10));

        assertThat(patient.backoffAfter(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(patient.backoffAfter(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(patient.backoffAfter(9)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_last_allowed_attempt_failing_fails_the_dispatch_saying_how() {
        assertThat(policy.decide(claim(2, "answered HTTP 500"), HTTP_500, NOW))
                .isEqualTo(new Decision.Failed(3, "deploy target answered HTTP 500 on each of 3 attempts"));
    }

    @Test
    void attempts_that_failed_differently_are_not_reported_as_the_same_failure() {
        var second = policy.decide(claim(1, "answered HTTP 503"), HTTP_500, NOW);
        assertThat(second).isInstanceOfSatisfying(Decision.Retry.class,
                retry -> assertThat(retry.failures()).isEqualTo("answered HTTP 500" + RetryPolicy.MIXED));

        var third = policy.decide(claim(2, ((Decision.Retry) second).failures()), HTTP_500, NOW);
        assertThat(third).isEqualTo(new Decision.Failed(3,
                "deploy target failed on each of 3 attempts; the last time it answered HTTP 500"));
    }

    @Test
    void a_final_answer_fails_at_once_whatever_attempts_remain() {
        assertThat(policy.decide(claim(0, null), new CallOutcome.Refused("answered HTTP 400"), NOW))
                .isEqualTo(new Decision.Failed(1,
                        "deploy target answered HTTP 400 (not retried: only I/O errors, timeouts, 5xx and 429 are)"));
    }

    @Test
    void an_open_circuit_is_not_an_attempt_and_comes_back_when_the_breaker_can_admit_plus_jitter() {
        var claim = claim(1, "answered HTTP 500");

        var decision = policy.decide(claim, OPEN, NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Retry.class, retry -> {
            assertThat(retry.attempts()).isEqualTo(1);
            assertThat(retry.failures()).isEqualTo("answered HTTP 500");
            // the 30 s the breaker stays open still, and up to a fifth more
            assertThat(retry.nextAttemptAt()).isBetween(NOW.plusSeconds(30), NOW.plusSeconds(36));
        });
        assertThat(policy.decide(claim, OPEN, NOW)).as("the same inputs, the same jitter").isEqualTo(decision);
    }

    @Test
    void deployments_refused_together_come_back_spread_out() {
        var comebacks = new java.util.TreeSet<Instant>();
        for (int i = 0; i < 50; i++) {
            comebacks.add(((Decision.Retry) policy.decide(claim(0, null), OPEN, NOW)).nextAttemptAt());
        }

        assertThat(comebacks).hasSizeGreaterThan(40);
        assertThat(Duration.between(comebacks.first(), comebacks.last())).isGreaterThan(Duration.ofSeconds(4));
    }

    @Test
    void a_half_open_breaker_that_refuses_is_tried_again_after_a_backoff_plus_jitter() {
        var halfOpen = new CallOutcome.CircuitOpen("deploy.example:443", Duration.ZERO);

        assertThat(policy.decide(claim(0, null), halfOpen, NOW)).isInstanceOfSatisfying(Decision.Retry.class,
                retry -> assertThat(retry.nextAttemptAt()).isBetween(NOW.plusMillis(200), NOW.plusMillis(400)));
    }

    @Test
    void an_open_circuit_is_waited_out_no_later_than_the_give_up_time() {
        var almost = REQUESTED.plus(Duration.ofMinutes(10)).minusSeconds(10);

        assertThat(policy.decide(claim(0, null), OPEN, almost))
                .isEqualTo(new Decision.Retry(0, REQUESTED.plus(Duration.ofMinutes(10)), null));
    }

    @Test
    void a_circuit_still_open_at_the_give_up_time_fails_saying_how_many_calls_this_deployment_made() {
        var giveUp = REQUESTED.plus(Duration.ofMinutes(10));

        assertThat(policy.decide(claim(0, null), OPEN, giveUp)).isEqualTo(new Decision.Failed(0,
                "circuit breaker for deploy.example:443 still open 10m after the request (it opens on failed calls to"
                        + " that target, for any deployment): this deployment's target was never called"));
        assertThat(policy.decide(claim(2, "answered HTTP 503"), OPEN, giveUp.plusSeconds(1))).isEqualTo(
                new Decision.Failed(2, "circuit breaker for deploy.example:443 still open 10m after the request (it"
                        + " opens on failed calls to that target, for any deployment): this deployment made 2 of its 3"
                        + " allowed calls; the target answered HTTP 503"));
    }

    @Test
    void a_lost_answer_to_the_last_allowed_call_is_awaited_until_the_give_up_time_then_fails_saying_so() {
        var lost = claim(3, "answered HTTP 503");

        assertThat(policy.attemptsUsedUp(lost)).isTrue();
        assertThat(policy.attemptsUsedUp(claim(2, "answered HTTP 503"))).isFalse();
        assertThat(policy.decide(lost, new CallOutcome.AttemptsUsedUp(), NOW))
                .isEqualTo(new Decision.Retry(3, REQUESTED.plus(Duration.ofMinutes(10)), "answered HTTP 503"));
        assertThat(policy.decide(lost, new CallOutcome.AttemptsUsedUp(), REQUESTED.plus(Duration.ofMinutes(10))))
                .isEqualTo(new Decision.Failed(3, "the answer to the last of 3 calls was lost (integration-service"
                        + " stopped during the call) and no outcome was reported within 10m of the request; before"
                        + " that, the target answered HTTP 503"));
    }

    @Test
    void a_call_that_could_not_be_made_fails_without_counting_an_attempt() {
        assertThat(policy.decide(claim(1, "answered HTTP 500"), new CallOutcome.NotCalled("no secret"), NOW))
                .isEqualTo(new Decision.Failed(1, "no secret"));
    }

    @Test
    void the_same_policy_serves_the_github_reviews_naming_github() {
        var github = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), "GitHub");

        assertThat(github.decide(claim(0, null), HTTP_500, NOW))
                .isEqualTo(new Decision.Retry(1, NOW.plusSeconds(1), "answered HTTP 500"));
        assertThat(github.decide(claim(2, "answered HTTP 500"), HTTP_500, NOW))
                .isEqualTo(new Decision.Failed(3, "GitHub answered HTTP 500 on each of 3 attempts"));
        assertThat(github.decide(claim(0, null), new CallOutcome.Refused("answered HTTP 422"), NOW))
                .isEqualTo(new Decision.Failed(1,
                        "GitHub answered HTTP 422 (not retried: only I/O errors, timeouts, 5xx and 429 are)"));
    }
}
