package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class MomentsTest {

    @Test
    void an_age_is_said_in_minutes_then_hours_then_days() {
        assertThat(Moments.Age.of(Duration.ofSeconds(59))).satisfies(a -> {
            assertThat(a.key()).isEqualTo("incidents.age.minutes");
            assertThat(a.args()).containsExactly(0L);
        });
        assertThat(Moments.Age.of(Duration.ofMinutes(192)).args()).containsExactly(3L, 12L);
        assertThat(Moments.Age.of(Duration.ofMinutes(192)).key()).isEqualTo("incidents.age.hours");
        assertThat(Moments.Age.of(Duration.ofHours(50)).args()).containsExactly(2L, 2L);
        assertThat(Moments.Age.of(Duration.ofMinutes(-5)).args()).as("clock skew").containsExactly(0L);
    }

    @Test
    void instants_are_shown_in_utc_to_the_minute_and_anything_else_as_it_is() {
        var moments = new Moments(new StaticMessageSource());
        assertThat(moments.at("2026-11-30T13:24:59.123456Z")).isEqualTo("2026-11-30 13:24 UTC");
        assertThat(moments.at("2026-11-30T15:24:00+02:00")).isEqualTo("2026-11-30 13:24 UTC");
        assertThat(moments.at("yesterday")).isEqualTo("yesterday");
        assertThat(moments.at(null)).isEmpty();
        assertThat(Moments.parse(Instant.EPOCH.toString())).isEqualTo(Instant.EPOCH);
    }

    @Test
    void a_score_keeps_the_api_s_three_decimals() {
        var moments = new Moments(new StaticMessageSource());
        assertThat(moments.score(0.7)).isEqualTo("0.700");
        assertThat(moments.score(0.7854)).isEqualTo("0.785");
        assertThat(moments.score(null)).isEmpty();
    }
}
