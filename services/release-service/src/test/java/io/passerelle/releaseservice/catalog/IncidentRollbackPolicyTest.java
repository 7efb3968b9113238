package io.passerelle.releaseservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IncidentRollbackPolicyTest {

    @Test
    void the_p1_rule_covers_from_the_deployment_s_end_to_its_window_both_included() {
        var policy = new IncidentRollbackPolicy(Duration.ofMinutes(30), false);

        assertThat(policy.p1Covers(Duration.ZERO)).isTrue();
        assertThat(policy.p1Covers(Duration.ofMinutes(30))).isTrue();
        assertThat(policy.p1Covers(Duration.ofMinutes(30).plusSeconds(1))).isFalse();
        assertThat(policy.p1Covers(Duration.ofSeconds(-1))).as("started before the deployment finished").isFalse();
        assertThat(IncidentRollbackPolicy.NONE.p1Covers(Duration.ZERO)).as("no P1 rule").isFalse();
    }

    @Test
    void the_window_is_whole_seconds_from_one_second_to_a_day() {
        assertThat(new IncidentRollbackPolicy(Duration.ofSeconds(1), true).p1Within()).hasSeconds(1);
        assertThat(new IncidentRollbackPolicy(Duration.ofHours(24), true).p1Within()).hasHours(24);
        for (var refused : new Duration[] {Duration.ZERO, Duration.ofHours(24).plusSeconds(1), Duration.ofMillis(1500),
                Duration.ofSeconds(-5)}) {
            assertThatThrownBy(() -> new IncidentRollbackPolicy(refused, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
        }
    }
}
