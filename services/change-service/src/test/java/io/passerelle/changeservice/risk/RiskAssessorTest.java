package io.passerelle.changeservice.risk;

import static io.passerelle.changeservice.risk.RiskAssessor.CHANGE_FAILURE_RATE;
import static io.passerelle.changeservice.risk.RiskAssessor.CRITICALITY;
import static io.passerelle.changeservice.risk.RiskAssessor.OPEN_INCIDENTS;
import static io.passerelle.changeservice.risk.RiskAssessor.OUTSIDE_BUSINESS_HOURS;
import static io.passerelle.changeservice.risk.RiskAssessor.RECENT_FAILURES;
import static io.passerelle.changeservice.risk.RiskAssessor.TIME_SINCE_LAST_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The formula of ADR 0009, factor by factor: what each measures, where it saturates, how the score is rounded. */
class RiskAssessorTest {

    /** A Wednesday, 11:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final WeeklyHours OFFICE = WeeklyHours.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "09:00", "17:00", "Europe/Paris");

    private final InMemoryChangeHistory history = new InMemoryChangeHistory();
    private final InMemoryIncidents incidents = new InMemoryIncidents();
    private final InMemoryEnvironmentProfiles profiles = new InMemoryEnvironmentProfiles();
    private final RiskAssessor assessor = new RiskAssessor(history, incidents, profiles,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_service_without_history_in_an_undeclared_environment_scores_its_staleness_and_medium_criticality() {
        var risk = assessor.assess("payments", "production");

        assertThat(risk.assessedAt()).isEqualTo(NOW);
        assertThat(risk.factors()).extracting(RiskFactor::name).containsExactly(CHANGE_FAILURE_RATE, RECENT_FAILURES,
                OPEN_INCIDENTS, CRITICALITY, OUTSIDE_BUSINESS_HOURS, TIME_SINCE_LAST_SUCCESS);
        assertThat(factor(risk, CHANGE_FAILURE_RATE)).isEqualTo(new RiskFactor(CHANGE_FAILURE_RATE, 20, 0, 0,
                "no change of payments ended in the last 30 days"));
        assertThat(factor(risk, RECENT_FAILURES).explanation()).isEqualTo("no change of payments failed in the last 7 days");
        assertThat(factor(risk, OPEN_INCIDENTS).explanation()).isEqualTo("no P1 or P2 incident open on payments in production");
        assertThat(factor(risk, CRITICALITY)).isEqualTo(new RiskFactor(CRITICALITY, 15, 0.333, 5.0,
                "production has no profile: MEDIUM by default"));
        assertThat(factor(risk, OUTSIDE_BUSINESS_HOURS)).isEqualTo(new RiskFactor(OUTSIDE_BUSINESS_HOURS, 10, 0, 0,
                "no business hours declared for production"));
        assertThat(factor(risk, TIME_SINCE_LAST_SUCCESS)).isEqualTo(new RiskFactor(TIME_SINCE_LAST_SUCCESS, 10, 1, 10,
                "no successful change of payments in production recorded"));
        assertThat(risk.score()).isEqualTo(15);
    }

    @Test
    void the_weights_sum_to_100_and_every_explanation_is_one_line() {
        var risk = assessor.assess("payments", "production");

        assertThat(risk.factors().stream().mapToInt(RiskFactor::weight).sum()).isEqualTo(100);
        assertThat(risk.factors()).allSatisfy(f -> assertThat(f.explanation()).doesNotContain("\n").isNotBlank());
    }

    @Test
    void the_change_failure_rate_is_failed_over_ended_changes_of_the_service_in_any_environment_over_30_days() {
        history.succeeded("payments", "production", NOW.minus(days(25)))
                .succeeded("payments", "production", NOW.minus(days(20)))
                .succeeded("payments", "production", NOW.minus(days(10)))
                .failed("payments", "staging", NOW.minus(days(9)))
                .failed("payments", "production", NOW.minus(days(30)))
                .failed("orders", "production", NOW.minus(days(1)));

        var rate = factor(assessor.assess("payments", "production"), CHANGE_FAILURE_RATE);

        assertThat(rate.value()).isEqualTo(0.625); // 1 of 4 = 25%, of the 40% that saturate
        assertThat(rate.contribution()).isEqualTo(12.5);
        assertThat(rate.explanation()).isEqualTo("1 of 4 changes of payments failed in the last 30 days (25%; 40% or more saturates)");
    }

    @Test
    void the_change_failure_rate_saturates_at_40_percent() {
        history.succeeded("payments", "production", NOW.minus(days(12)))
                .succeeded("payments", "production", NOW.minus(days(11)))
                .failed("payments", "production", NOW.minus(days(10)))
                .failed("payments", "production", NOW.minus(days(9)));

        assertThat(factor(assessor.assess("payments", "production"), CHANGE_FAILURE_RATE))
                .extracting(RiskFactor::value, RiskFactor::contribution).containsExactly(1.0, 20.0);
    }

    @Test
    void failed_changes_of_the_last_7_days_count_a_third_each_and_saturate_at_3() {
        history.failed("payments", "staging", NOW.minus(days(7))) // 7 days ago exactly: outside
                .failed("payments", "staging", NOW.minus(days(6)));
        assertThat(factor(assessor.assess("payments", "production"), RECENT_FAILURES)).isEqualTo(new RiskFactor(
                RECENT_FAILURES, 20, 0.333, 6.66, "1 change of payments failed in the last 7 days (3 or more saturate)"));

        history.failed("payments", "production", NOW.minus(days(2)));
        assertThat(factor(assessor.assess("payments", "production"), RECENT_FAILURES))
                .extracting(RiskFactor::value, RiskFactor::contribution).containsExactly(0.667, 13.34);

        history.failed("payments", "production", NOW.minus(days(1))).failed("payments", "production", NOW);
        assertThat(factor(assessor.assess("payments", "production"), RECENT_FAILURES))
                .extracting(RiskFactor::value, RiskFactor::contribution, RiskFactor::explanation)
                .containsExactly(1.0, 20.0, "4 changes of payments failed in the last 7 days (3 or more saturate)");
    }

    @Test
    void an_open_p1_saturates_open_incidents_a_p2_counts_half_and_other_priorities_and_places_not_at_all() {
        incidents.open("payments", "production", "P3").open("payments", "staging", "P1")
                .open("orders", "production", "P1");
        assertThat(factor(assessor.assess("payments", "production"), OPEN_INCIDENTS).value()).isZero();

        incidents.open("payments", "production", "P2");
        assertThat(factor(assessor.assess("payments", "production"), OPEN_INCIDENTS)).isEqualTo(new RiskFactor(
                OPEN_INCIDENTS, 25, 0.5, 12.5, "open on payments in production: 0 P1, 1 P2 (one P1 or two P2 saturate)"));

        incidents.open("payments", "production", "P2");
        assertThat(factor(assessor.assess("payments", "production"), OPEN_INCIDENTS).contribution()).isEqualTo(25.0);

        incidents.open("payments", "production", "P1");
        assertThat(factor(assessor.assess("payments", "production"), OPEN_INCIDENTS))
                .extracting(RiskFactor::value, RiskFactor::explanation)
                .containsExactly(1.0, "open on payments in production: 1 P1, 2 P2 (one P1 or two P2 saturate)");
    }

    @Test
    void the_declared_criticality_of_the_environment_weighs_none_a_third_two_thirds_or_all_of_15() {
        assertThat(criticality(Criticality.LOW)).isEqualTo(new RiskFactor(CRITICALITY, 15, 0, 0, "production is LOW"));
        assertThat(criticality(Criticality.MEDIUM)).isEqualTo(new RiskFactor(CRITICALITY, 15, 0.333, 5.0,
                "production is MEDIUM"));
        assertThat(criticality(Criticality.HIGH)).isEqualTo(new RiskFactor(CRITICALITY, 15, 0.667, 10.01,
                "production is HIGH"));
        assertThat(criticality(Criticality.CRITICAL)).isEqualTo(new RiskFactor(CRITICALITY, 15, 1, 15,
                "production is CRITICAL"));
    }

    private RiskFactor criticality(Criticality criticality) {
        profiles.save(new EnvironmentProfile("production", criticality, null, "alice", NOW));
        return factor(assessor.assess("payments", "production"), CRITICALITY);
    }

    @Test
    void a_change_outside_the_declared_business_hours_scores_all_10_and_within_them_none() {
        profiles.save(new EnvironmentProfile("production", Criticality.HIGH, OFFICE, "alice", NOW));

        assertThat(factor(assessor.assess("payments", "production", NOW), OUTSIDE_BUSINESS_HOURS)).isEqualTo(
                new RiskFactor(OUTSIDE_BUSINESS_HOURS, 10, 0, 0,
                        "within the business hours of production, Mon–Fri 09:00–17:00 Europe/Paris"));
        assertThat(factor(assessor.assess("payments", "production", Instant.parse("2026-11-25T16:00:00Z")),
                OUTSIDE_BUSINESS_HOURS)).isEqualTo(new RiskFactor(OUTSIDE_BUSINESS_HOURS, 10, 1, 10,
                        "outside the business hours of production, Mon–Fri 09:00–17:00 Europe/Paris"));
        assertThat(factor(assessor.assess("payments", "production", Instant.parse("2026-11-28T10:00:00Z")),
                OUTSIDE_BUSINESS_HOURS).value()).as("a Saturday").isEqualTo(1.0);
    }

    @Test
    void time_since_the_last_successful_change_in_that_environment_saturates_at_90_days() {
        history.succeeded("payments", "staging", NOW.minus(Duration.ofHours(1)))
                .failed("payments", "production", NOW.minus(days(2)))
                .succeeded("payments", "production", NOW.minus(days(45)));
        assertThat(factor(assessor.assess("payments", "production"), TIME_SINCE_LAST_SUCCESS)).isEqualTo(new RiskFactor(
                TIME_SINCE_LAST_SUCCESS, 10, 0.5, 5.0,
                "last successful change of payments in production 45 days ago (90 days or more saturate)"));

        assertThat(factor(assessor.assess("payments", "production", NOW.plus(days(100))), TIME_SINCE_LAST_SUCCESS)
                .value()).isEqualTo(1.0);

        history.succeeded("payments", "production", NOW.minus(Duration.ofHours(12)));
        assertThat(factor(assessor.assess("payments", "production"), TIME_SINCE_LAST_SUCCESS))
                .extracting(RiskFactor::value, RiskFactor::contribution, RiskFactor::explanation).containsExactly(0.006,
                        0.06, "last successful change of payments in production less than a day ago (90 days or more saturate)");
    }

    @Test
    void history_after_the_instant_assessed_does_not_count() {
        history.failed("payments", "production", NOW.plusSeconds(1)).succeeded("payments", "production", NOW.plusSeconds(2));

        var risk = assessor.assess("payments", "production", NOW);

        assertThat(factor(risk, CHANGE_FAILURE_RATE).value()).isZero();
        assertThat(factor(risk, TIME_SINCE_LAST_SUCCESS).value()).isEqualTo(1.0);
    }

    @Test
    void every_factor_saturated_scores_100() {
        history.failed("payments", "production", NOW.minus(days(1))).failed("payments", "production", NOW.minus(days(2)))
                .failed("payments", "production", NOW.minus(days(3)));
        incidents.open("payments", "production", "P1");
        profiles.save(new EnvironmentProfile("production", Criticality.CRITICAL, OFFICE, "alice", NOW));

        var risk = assessor.assess("payments", "production", Instant.parse("2026-11-29T03:00:00Z"));

        assertThat(risk.factors()).allSatisfy(f -> assertThat(f.value()).isEqualTo(1.0));
        assertThat(risk.score()).isEqualTo(100);
    }

    @Test
    void the_score_is_the_sum_of_the_contributions_as_shown_rounded_half_up() {
        incidents.open("payments", "production", "P2"); // 12.5 + MEDIUM 5.0 + never succeeded 10 = 27.5
        assertThat(assessor.assess("payments", "production").score()).isEqualTo(28);

        assertThat(RiskAssessor.score(List.of(new RiskFactor("a", 50, 0.349, 17.45, "x"),
                new RiskFactor("b", 50, 0, 0, "y")), NOW).score()).isEqualTo(17);
        assertThat(RiskAssessor.score(List.of(new RiskFactor("a", 50, 0.349, 17.45, "x"),
                new RiskFactor("b", 50, 0.001, 0.05, "y")), NOW).score()).isEqualTo(18);
    }

    @Test
    void a_score_or_a_value_out_of_bounds_cannot_exist() {
        assertThatThrownBy(() -> new RiskAssessment(101, List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskAssessment(-1, List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskFactor("a", 10, 1.001, 10, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskAssessor.score(List.of(new RiskFactor("a", 100, 1, 100.4, "x")), NOW).score()).isEqualTo(100);
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static RiskFactor factor(RiskAssessment risk, String name) {
        return risk.factors().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
