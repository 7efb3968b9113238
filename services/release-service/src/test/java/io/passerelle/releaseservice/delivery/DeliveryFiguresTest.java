package io.passerelle.releaseservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.releaseservice.delivery.FinishedDeployment.NextSuccess;
import io.passerelle.releaseservice.delivery.FinishedDeployment.Result;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The four figures on small histories whose answers are worked out by hand in each test. */
class DeliveryFiguresTest {

    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-11T00:00:00Z");

    static FinishedDeployment succeeded(String finishedAt, @Nullable String headCommitAt) {
        return new FinishedDeployment(UUID.randomUUID(), "payments", "production", "v", "abc", Result.SUCCEEDED,
                Instant.parse(finishedAt), headCommitAt == null ? null : Instant.parse(headCommitAt), null, null);
    }

    static FinishedDeployment failed(String finishedAt, @Nullable FinishedDeployment next) {
        return new FinishedDeployment(UUID.randomUUID(), "payments", "production", "v", "abc", Result.FAILED,
                Instant.parse(finishedAt), null, "target answered 500",
                next == null ? null : new NextSuccess(next.id(), next.finishedAt()));
    }

    /*
     * Ten days, eight finished deployments:
     *   d1 SUCCEEDED 10-01 10:00, head commit 10-01 08:00  lead time 2 h
     *   d2 FAILED    10-02 12:00, recovered by d3          recovery 30 min
     *   d3 SUCCEEDED 10-02 12:30, head commit 10-02 06:30  lead time 6 h
     *   d4 SUCCEEDED 10-04 09:00, head commit 09-30 09:00  lead time 96 h
     *   d5 FAILED    10-06 00:00, recovered by d6          recovery 24 h
     *   d6 SUCCEEDED 10-07 00:00, head commit unknown      not measured
     *   d7 SUCCEEDED 10-08 00:00, head commit 10-07 12:00  lead time 12 h
     *   d8 FAILED    10-10 00:00, nothing after it         unrecovered
     */
    final FinishedDeployment d1 = succeeded("2026-10-01T10:00:00Z", "2026-10-01T08:00:00Z");
    final FinishedDeployment d3 = succeeded("2026-10-02T12:30:00Z", "2026-10-02T06:30:00Z");
    final FinishedDeployment d2 = failed("2026-10-02T12:00:00Z", d3);
    final FinishedDeployment d4 = succeeded("2026-10-04T09:00:00Z", "2026-09-30T09:00:00Z");
    final FinishedDeployment d6 = succeeded("2026-10-07T00:00:00Z", null);
    final FinishedDeployment d5 = failed("2026-10-06T00:00:00Z", d6);
    final FinishedDeployment d7 = succeeded("2026-10-08T00:00:00Z", "2026-10-07T12:00:00Z");
    final FinishedDeployment d8 = failed("2026-10-10T00:00:00Z", null);
    final List<FinishedDeployment> history = List.of(d5, d1, d8, d3, d2, d7, d4, d6);

    @Test
    void deployment_frequency_counts_the_successes_per_day_and_week_of_the_range() {
        var frequency = DeliveryFigures.of(FROM, TO, history, List.of()).deploymentFrequency();

        // 5 successes in 10 days: 0.5 a day, 3.5 a week — at least weekly, not daily: high
        assertThat(frequency.deployments()).isEqualTo(5);
        assertThat(frequency.perDay()).isEqualTo(0.5);
        assertThat(frequency.perWeek()).isEqualTo(3.5);
        assertThat(frequency.level()).isEqualTo(PerformanceLevel.HIGH);
        assertThat(frequency.behind()).containsExactly(d7, d6, d4, d3, d1);
    }

    @Test
    void lead_time_is_the_median_and_nearest_rank_p90_of_the_successes_whose_head_commit_is_known() {
        var lead = DeliveryFigures.of(FROM, TO, history, List.of()).leadTime();

        // 2 h, 6 h, 12 h, 96 h: median (6 + 12) / 2 = 9 h (under a day: elite); p90 is rank ceil(0.9 × 4) = 4: 96 h
        assertThat(lead.median()).isEqualTo(Duration.ofHours(9));
        assertThat(lead.p90()).isEqualTo(Duration.ofHours(96));
        assertThat(lead.level()).isEqualTo(PerformanceLevel.ELITE);
        assertThat(lead.withoutCommitTime()).isEqualTo(1);
        assertThat(lead.behind()).extracting(DeliveryFigures.LeadTime.Measured::deployment)
                .containsExactly(d7, d4, d3, d1);
        assertThat(lead.behind()).extracting(DeliveryFigures.LeadTime.Measured::leadTime)
                .containsExactly(Duration.ofHours(12), Duration.ofHours(96), Duration.ofHours(6), Duration.ofHours(2));
    }

    @Test
    void change_failure_rate_is_failed_deployments_over_finished_deployments() {
        var rate = DeliveryFigures.of(FROM, TO, history, List.of()).changeFailureRate();

        // 3 failures of 8 finished: 37.5 %, under 40 %: medium
        assertThat(rate.failures()).isEqualTo(3);
        assertThat(rate.deployments()).isEqualTo(8);
        assertThat(rate.rate()).isEqualTo(0.375);
        assertThat(rate.level()).isEqualTo(PerformanceLevel.MEDIUM);
        assertThat(rate.behind()).extracting(DeliveryFigures.Failure::deployment).containsExactly(d8, d5, d2);
    }

    @Test
    void recovery_time_runs_from_a_failure_to_the_next_success_and_leaves_the_unrecovered_out() {
        var recovery = DeliveryFigures.of(FROM, TO, history, List.of()).recoveryTime();

        // 30 min and 24 h: median 12 h 15 min (under a day: high); p90 is rank ceil(0.9 × 2) = 2: 24 h
        assertThat(recovery.median()).isEqualTo(Duration.ofMinutes(12 * 60 + 15));
        assertThat(recovery.p90()).isEqualTo(Duration.ofHours(24));
        assertThat(recovery.level()).isEqualTo(PerformanceLevel.HIGH);
        assertThat(recovery.recovered()).isEqualTo(2);
        assertThat(recovery.unrecovered()).isEqualTo(1);
        var byFailure = recovery.behind();
        assertThat(byFailure).extracting(r -> r.failure().deployment()).containsExactly(d8, d5, d2);
        assertThat(byFailure.get(0).recoveredAt()).isNull();
        assertThat(byFailure.get(1).recoveredBy()).isEqualTo(d6.id());
        assertThat(byFailure.get(1).time()).isEqualTo(Duration.ofHours(24));
        assertThat(byFailure.get(2).recoveredBy()).isEqualTo(d3.id());
        assertThat(byFailure.get(2).recoveredAt()).isEqualTo(d3.finishedAt());
        assertThat(byFailure.get(2).time()).isEqualTo(Duration.ofMinutes(30));
    }

    /*
     * Two deployments in a day. a succeeded and three incidents were confirmed to be caused by it (resolved 1 h, 3 h
     * and 2 h after it); b failed, nothing succeeded after it, and one incident was confirmed to be caused by it.
     * Counting failures and incidents, as DevLake does, gives (1 failed + 4 incidents) / 2 deployments = 250 %.
     * Each deployment counts once: 2 failing deployments of 2 = 100 %.
     */
    @Test
    void a_deployment_with_several_incidents_counts_once_so_the_rate_never_exceeds_one_where_naive_counting_gives_250_percent() {
        var from = Instant.parse("2026-10-01T00:00:00Z");
        var a = succeeded("2026-10-01T08:00:00Z", "2026-10-01T07:00:00Z");
        var b = failed("2026-10-01T12:00:00Z", null);
        var causes = List.of(
                new IncidentCause(a.id(), UUID.randomUUID(), a.finishedAt().plus(Duration.ofHours(1))),
                new IncidentCause(a.id(), UUID.randomUUID(), a.finishedAt().plus(Duration.ofHours(3))),
                new IncidentCause(a.id(), UUID.randomUUID(), a.finishedAt().plus(Duration.ofHours(2))),
                new IncidentCause(b.id(), UUID.randomUUID(), b.finishedAt().plus(Duration.ofHours(1))),
                // a deployment outside the range measured: not one of these deployments, not counted
                new IncidentCause(UUID.randomUUID(), UUID.randomUUID(), null));
        int naive = 1 + 4;
        assertThat(naive / 2.0).isEqualTo(2.5);

        var figures = DeliveryFigures.of(from, from.plus(Duration.ofDays(1)), List.of(a, b), causes);

        var rate = figures.changeFailureRate();
        assertThat(rate.failures()).isEqualTo(2);
        assertThat(rate.deployments()).isEqualTo(2);
        assertThat(rate.rate()).isEqualTo(1.0);
        assertThat(rate.level()).isEqualTo(PerformanceLevel.LOW);
        assertThat(rate.behind()).extracting(DeliveryFigures.Failure::failed).containsExactly(true, false);
        assertThat(rate.behind().get(1).incidents()).hasSize(3);

        // a is recovered when the last of its incidents is resolved (3 h); b failed and no success followed: not yet
        var recovery = figures.recoveryTime();
        assertThat(recovery.recovered()).isEqualTo(1);
        assertThat(recovery.unrecovered()).isEqualTo(1);
        assertThat(recovery.median()).isEqualTo(Duration.ofHours(3));
        assertThat(recovery.behind().get(1).recoveredBy()).isNull();
        assertThat(recovery.level()).isEqualTo(PerformanceLevel.HIGH);
    }

    @Test
    void a_failure_that_also_caused_an_incident_is_recovered_when_both_the_next_success_and_the_resolution_came() {
        var from = Instant.parse("2026-10-01T00:00:00Z");
        var next = succeeded("2026-10-01T10:30:00Z", null);
        var failure = failed("2026-10-01T10:00:00Z", next);
        var unresolved = new IncidentCause(failure.id(), UUID.randomUUID(), null);
        var resolved = new IncidentCause(failure.id(), UUID.randomUUID(), Instant.parse("2026-10-01T12:00:00Z"));
        var to = from.plus(Duration.ofDays(1));

        assertThat(DeliveryFigures.of(from, to, List.of(failure, next), List.of(unresolved)).recoveryTime().unrecovered())
                .isEqualTo(1);
        var recovery = DeliveryFigures.of(from, to, List.of(failure, next), List.of(resolved)).recoveryTime();
        assertThat(recovery.median()).isEqualTo(Duration.ofHours(2));
        assertThat(recovery.behind().getFirst().recoveredBy()).isNull();
        assertThat(DeliveryFigures.of(from, to, List.of(failure, next), List.of(resolved)).changeFailureRate().failures())
                .isEqualTo(1);
    }

    @Test
    void nothing_finished_is_a_low_frequency_and_no_value_nor_level_for_the_other_figures() {
        var figures = DeliveryFigures.of(FROM, TO, List.of(), List.of());

        assertThat(figures.deploymentFrequency().deployments()).isZero();
        assertThat(figures.deploymentFrequency().level()).isEqualTo(PerformanceLevel.LOW);
        assertThat(figures.leadTime().median()).isNull();
        assertThat(figures.leadTime().level()).isNull();
        assertThat(figures.changeFailureRate().rate()).isNull();
        assertThat(figures.changeFailureRate().level()).isNull();
        assertThat(figures.recoveryTime().median()).isNull();
        assertThat(figures.recoveryTime().level()).isNull();
    }

    @Test
    void an_empty_or_inverted_range_is_refused() {
        assertThatThrownBy(() -> DeliveryFigures.of(TO, FROM, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryFigures.of(FROM, FROM, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
