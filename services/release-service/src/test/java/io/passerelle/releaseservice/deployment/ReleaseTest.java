package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReleaseTest {

    @Test
    void the_version_is_the_first_twelve_characters_of_the_commit() {
        var release = Release.fromPipeline("payments", "0123456789abcdef0123456789abcdef01234567", null, null, "octocat",
                Instant.EPOCH);

        assertThat(release.version()).isEqualTo("0123456789ab");
    }

    @Test
    void a_short_commit_sha_is_its_own_version() {
        assertThat(Release.fromPipeline("payments", "abc1234", null, null, "octocat", Instant.EPOCH).version())
                .isEqualTo("abc1234");
    }

    @Test
    void deployments_are_requested_on_behalf_of_the_pipeline_actor() {
        assertThat(Release.fromPipeline("payments", "abc1234", null, null, "octocat", Instant.EPOCH).requestedBy())
                .isEqualTo("pipeline:octocat");
        assertThat(Release.fromPipeline("payments", "abc1234", null, null, null, Instant.EPOCH).requestedBy())
                .isEqualTo("pipeline:unknown");
    }

    @Test
    void a_commit_sha_must_be_hexadecimal() {
        assertThatThrownBy(() -> Release.fromPipeline("payments", "not-a-sha", null, null, "octocat", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
