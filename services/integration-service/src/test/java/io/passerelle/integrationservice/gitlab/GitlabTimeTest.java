package io.passerelle.integrationservice.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitlabTimeTest {

    @ParameterizedTest
    @CsvSource({
            "2021-03-04T12:00:00Z, 2021-03-04T12:00:00Z",
            "2016-08-12T17:23:21+02:00, 2016-08-12T15:23:21Z",
            "2021-03-04 12:00:00 UTC, 2021-03-04T12:00:00Z",
            "2021-03-04 12:00:00 +0100, 2021-03-04T11:00:00Z",
            "2021-04-28 21:50:00 +0200, 2021-04-28T19:50:00Z" })
    void reads_gitlab_s_three_formats(String text, String instant) {
        assertThat(GitlabTime.parse(text, "t")).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2021-03-04 12:00:00", "2021-13-04 12:00:00 UTC", "2021-03-04 12:00 +0100" })
    void refuses_anything_else_naming_the_field(String text) {
        assertThatThrownBy(() -> GitlabTime.parse(text, "object_attributes.finished_at"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("object_attributes.finished_at: ");
    }

    @org.junit.jupiter.api.Test
    void no_time_is_none() {
        assertThat(GitlabTime.parse(null, "t")).isNull();
        assertThat(GitlabTime.parse(" ", "t")).isNull();
    }
}
