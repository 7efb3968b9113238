package io.passerelle.console.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void labels_are_one_name_equals_value_a_line_trimmed_and_blank_lines_skipped() {
        assertThat(Labels.parse(" severity = critical \n\n region=eu-west=1\r\nteam=")).containsExactly(
                entry("severity", "critical"), entry("region", "eu-west=1"), entry("team", ""));
    }

    @Test
    void a_line_without_equals_is_passed_on_for_the_service_to_judge() {
        assertThat(Labels.parse("oops")).containsExactly(entry("oops", ""));
        assertThat(Labels.parse(null)).isEmpty();
    }

    @Test
    void recorded_labels_are_shown_one_a_line() {
        assertThat(Labels.format(Map.of("severity", "critical"))).isEqualTo("severity=critical");
        assertThat(Labels.format(null)).isEmpty();
    }
}
