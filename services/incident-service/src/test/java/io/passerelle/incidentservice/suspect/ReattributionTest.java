package io.passerelle.incidentservice.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import org.junit.jupiter.api.Test;

class ReattributionTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static Suspect suspect(int rank, UUID id, String version, double score) {
        return new Suspect(rank, id, version, "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", null, Outcome.SUCCEEDED, T,
                score, "reason of " + version);
    }

    @Test
    void the_same_ranking_is_no_change_whatever_was_decided() {
        var before = List.of(suspect(1, A, "1.0", 0.8));
        var decided = List.of(before.get(0).decided(new Decision(Decision.Verdict.DISMISSED, "otto", T, "no")));

        assertThat(Reattribution.changes(before, List.of(suspect(1, A, "1.0", 0.8)))).isFalse();
        assertThat(Reattribution.changes(before, decided)).isFalse();
        assertThat(Reattribution.changes(List.of(), List.of())).isFalse();
    }

    @Test
    void another_deployment_rank_score_or_reason_is_a_change() {
        var before = List.of(suspect(1, A, "1.0", 0.8));

        assertThat(Reattribution.changes(before, List.of(suspect(1, B, "1.0", 0.8)))).isTrue();
        assertThat(Reattribution.changes(before, List.of(suspect(1, A, "1.0", 0.7)))).isTrue();
        assertThat(Reattribution.changes(before, List.of(suspect(1, A, "1.1", 0.8)))).as("its reason").isTrue();
        assertThat(Reattribution.changes(before, List.of(suspect(1, B, "2.0", 0.9), suspect(2, A, "1.0", 0.7))))
                .isTrue();
        assertThat(Reattribution.changes(before, List.of())).isTrue();
    }

    @Test
    void the_description_names_who_joined_at_which_rank_and_the_most_likely_now() {
        var before = List.of(suspect(1, A, "1.0", 0.8));
        var after = List.of(suspect(1, B, "2.0", 0.9), suspect(2, A, "1.0", 0.7));

        assertThat(Reattribution.describe(before, after)).isEqualTo("suspects computed again: 2.0 (commit 1a2b3c4)"
                + " joined at rank 1; 2 deployments are suspected; the most likely: reason of 2.0");
        assertThat(Reattribution.describe(List.of(), List.of(suspect(1, A, "1.0", 0.8)))).isEqualTo(
                "suspects computed again: 1.0 (commit 1a2b3c4) joined at rank 1; 1 deployment is suspected;"
                        + " the most likely: reason of 1.0");
    }

    @Test
    void the_description_names_who_left_or_says_the_ranking_changed() {
        var before = List.of(suspect(1, A, "1.0", 0.8), suspect(2, B, "2.0", 0.7));

        assertThat(Reattribution.describe(before, List.of(suspect(1, A, "1.0", 0.8))))
                .isEqualTo("suspects computed again: 2.0 (commit 1a2b3c4) is no longer a suspect; 1 deployment is"
                        + " suspected; the most likely: reason of 1.0");
        assertThat(Reattribution.describe(before, List.of(suspect(1, B, "2.0", 0.9), suspect(2, A, "1.0", 0.7))))
                .startsWith("suspects computed again: the ranking changed; 2 deployments are suspected");
        assertThat(Reattribution.describe(before, List.of())).endsWith("; no deployment is suspected");
    }
}
