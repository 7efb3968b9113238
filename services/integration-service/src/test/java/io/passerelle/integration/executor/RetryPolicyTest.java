package io.passerelle.integration.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant REQUESTED = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant NOW = REQUESTED.plusSeconds(5);
    final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(10));

    static Claim claim(int attempts, @Nullable String failures) {
        return new Claim(UUID.randomUUID(), "payments", "prod", "https://deploy.example/hooks", "{}", attempts,
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
    void an_open_circuit_is_not_an_attempt_and_is_waited_out_for_the_breaker_wait() {
        assertThat(policy.decide(claim(1, "answered HTTP 500"), OPEN, NOW))
                .isEqualTo(new Decision.Retry(1, NOW.plusSeconds(30), "answered HTTP 500"));
        assertThat(policy.decide(claim(0, null), OPEN, NOW)).isEqualTo(new Decision.Retry(0, NOW.plusSeconds(30), null));
    }

    @Test
    void an_open_circuit_is_waited_out_no_later_than_the_give_up_time() {
        var almost = REQUESTED.plus(Duration.ofMinutes(10)).minusSeconds(10);

        assertThat(policy.decide(claim(0, null), OPEN, almost))
                .isEqualTo(new Decision.Retry(0, REQUESTED.plus(Duration.ofMinutes(10)), null));
    }

    @Test
    void a_circuit_still_open_when_the_give_up_time_comes_fails_the_dispatch() {
        var giveUp = REQUESTED.plus(Duration.ofMinutes(10));

        assertThat(policy.decide(claim(0, null), OPEN, giveUp)).isEqualTo(new Decision.Failed(0,
                "circuit breaker for deploy.example:443 open for 10m since the request: the target was never called"));
        assertThat(policy.decide(claim(2, "answered HTTP 503"), OPEN, giveUp.plusSeconds(1)))
                .isInstanceOfSatisfying(Decision.Failed.class, failed -> {
                    assertThat(failed.attempts()).isEqualTo(2);
                    assertThat(failed.reason()).startsWith("circuit breaker for deploy.example:443 open for 10m")
                            .endsWith("the target answered HTTP 503");
                });
    }

    @Test
    void a_call_that_could_not_be_made_fails_without_counting_an_attempt() {
        assertThat(policy.decide(claim(1, "answered HTTP 500"), new CallOutcome.NotCalled("no secret"), NOW))
                .isEqualTo(new Decision.Failed(1, "no secret"));
    }
}
