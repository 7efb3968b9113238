package io.passerelle.integrationservice.executor.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.passerelle.integrationservice.executor.adapter.webhook.DispatchSimulation.Breaker;
import io.passerelle.integrationservice.executor.adapter.webhook.DispatchSimulation.Figures;
import org.junit.jupiter.api.Test;

/**
 * Defect 11 of issue 5, in simulated time (deterministic, seeded): 200 deployments, one every 500 ms, to one deploy
 * target, with the breaker and retry settings integration-service ships (its application.yaml).
 */
class HalfFailingTargetTest {

    static final int DEPLOYMENTS = 200;
    static final Duration EVERY = Duration.ofMillis(500);
    static final long[] SEEDS = { 1, 2, 3, 4, 5 };

    final DispatchSimulation.Dispatcher dispatcher = DispatchSimulation.shippedDispatcher();

    List<Figures> run(Breaker breaker, double failureRate) {
        var runs = new ArrayList<Figures>();
        for (long seed : SEEDS) {
            var figures = DispatchSimulation.run(breaker, dispatcher, DEPLOYMENTS, EVERY, failureRate, seed);
            System.out.printf("%s, %.0f %% failing, seed %d: %s%n", breaker, failureRate * 100, seed, figures);
            runs.add(figures);
        }
        return runs;
    }

    @Test
    void a_target_failing_half_its_calls_gets_its_deployments_through() {
        for (var run : run(DispatchSimulation.shippedBreaker(), 0.5)) {
            // 1 - 0.5^3 = 87.5 % expected through; the rest fail after their own 3 calls, never for the breaker
            assertThat(run.dispatched()).isGreaterThanOrEqualTo(DEPLOYMENTS * 80 / 100);
            assertThat(run.failedWithFewerCalls()).isZero();
            assertThat(run.failureReasons()).allMatch(
                    reason -> reason.equals("deploy target answered HTTP 503 on each of 3 attempts"));
            assertThat(run.mostCallsForOne()).isLessThanOrEqualTo(dispatcher.maxAttempts());
            assertThat(run.waitP95()).isLessThan(Duration.ofSeconds(30));
            assertThat(run.openFor()).isLessThan(Duration.ofSeconds(30));
            // everything settled within a minute of the last request
            assertThat(run.allSettledAfter()).isLessThan(EVERY.multipliedBy(DEPLOYMENTS).plusSeconds(60));
        }
    }

    @Test
    void the_former_breaker_kept_a_half_failing_target_out_and_deployments_gave_up_with_fewer_calls() {
        for (var run : run(Breaker.FORMER, 0.5)) {
            assertThat(run.failedWithFewerCalls()).isGreaterThan(DEPLOYMENTS / 2);
            assertThat(run.openFor()).isGreaterThan(run.allSettledAfter().multipliedBy(9).dividedBy(10));
            assertThat(run.failureReasons()).filteredOn(reason -> reason.startsWith("circuit breaker"))
                    .allMatch(reason -> reason.contains("still open 10m after the request"));
        }
    }

    @Test
    void a_target_that_is_down_is_called_about_once_a_second_and_every_deployment_fails_saying_why() {
        for (var run : run(DispatchSimulation.shippedBreaker(), 1.0)) {
            assertThat(run.dispatched()).isZero();
            assertThat(run.calls()).isLessThanOrEqualTo((int) run.allSettledAfter().toSeconds() + 20);
            assertThat(run.failureReasons()).allMatch(reason -> reason.equals(
                    "deploy target answered HTTP 503 on each of 3 attempts")
                    || reason.startsWith("circuit breaker for deploy.example:443 still open 10m after the request"));
            assertThat(run.allSettledAfter()).isLessThan(dispatcher.giveUpAfter().plus(EVERY.multipliedBy(DEPLOYMENTS)));
        }
    }
}
