package io.passerelle.releaseservice.delivery;

import static io.passerelle.releaseservice.delivery.PerformanceLevel.ELITE;
import static io.passerelle.releaseservice.delivery.PerformanceLevel.HIGH;
import static io.passerelle.releaseservice.delivery.PerformanceLevel.LOW;
import static io.passerelle.releaseservice.delivery.PerformanceLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bounds of ADR 0013, on each side of each one. */
class PerformanceLevelTest {

    @Test
    void deployment_frequency_is_elite_above_daily_high_from_weekly_medium_from_monthly() {
        assertThat(PerformanceLevel.ofDeploymentsPerDay(1.01)).isEqualTo(ELITE);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(1)).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(1 / 7.0)).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(0.99 / 7)).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(1 / 30.0)).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(0.99 / 30)).isEqualTo(LOW);
        assertThat(PerformanceLevel.ofDeploymentsPerDay(0)).isEqualTo(LOW);
    }

    @Test
    void lead_time_is_elite_under_a_day_high_under_a_week_medium_under_a_month() {
        assertThat(PerformanceLevel.ofLeadTime(Duration.ofHours(23))).isEqualTo(ELITE);
        assertThat(PerformanceLevel.ofLeadTime(Duration.ofDays(1))).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofLeadTime(Duration.ofDays(7))).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofLeadTime(Duration.ofDays(29))).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofLeadTime(Duration.ofDays(30))).isEqualTo(LOW);
    }

    @Test
    void change_failure_rate_is_elite_to_5_percent_high_to_20_medium_under_40() {
        assertThat(PerformanceLevel.ofChangeFailureRate(0.05)).isEqualTo(ELITE);
        assertThat(PerformanceLevel.ofChangeFailureRate(0.051)).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofChangeFailureRate(0.20)).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofChangeFailureRate(0.39)).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofChangeFailureRate(0.40)).isEqualTo(LOW);
    }

    @Test
    void recovery_time_is_elite_under_an_hour_high_under_a_day_medium_under_a_week() {
        assertThat(PerformanceLevel.ofRecoveryTime(Duration.ofMinutes(59))).isEqualTo(ELITE);
        assertThat(PerformanceLevel.ofRecoveryTime(Duration.ofHours(1))).isEqualTo(HIGH);
        assertThat(PerformanceLevel.ofRecoveryTime(Duration.ofDays(1))).isEqualTo(MEDIUM);
        assertThat(PerformanceLevel.ofRecoveryTime(Duration.ofDays(7))).isEqualTo(LOW);
    }
}
