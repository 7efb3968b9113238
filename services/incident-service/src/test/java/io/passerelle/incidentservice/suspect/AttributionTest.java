package io.passerelle.incidentservice.suspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Instant STARTED = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final Attribution attribution = new Attribution(DAY);

    private static FinishedDeployment deployment(String service, String environment, Duration before, Outcome outcome) {
        return deployment(service, environment, STARTED.minus(before), outcome, "1a2b3c4d5e6f");
    }

    private static FinishedDeployment deployment(String service, String environment, Instant finishedAt,
            Outcome outcome, String version) {
        return new FinishedDeployment(UUID.randomUUID(), service, environment, version,
                "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", UUID.randomUUID(), outcome, finishedAt);
    }

    private static FinishedDeployment succeeded(Duration before) {
        return deployment("checkout", "production", before, Outcome.SUCCEEDED);
    }

    private List<Suspect> suspects(FinishedDeployment... deployments) {
        return attribution.suspects("checkout", "production", STARTED, List.of(deployments));
    }

    private static List<UUID> ids(List<Suspect> suspects) {
        return suspects.stream().map(Suspect::deploymentId).toList();
    }

    @Test
    void both_edges_of_the_window_are_included() {
        var atStart = succeeded(Duration.ZERO);
        var atWindowStart = succeeded(DAY);

        var suspects = suspects(atStart, atWindowStart);

        assertThat(ids(suspects)).containsExactly(atStart.deploymentId(), atWindowStart.deploymentId());
        assertThat(suspects.get(0).score()).isEqualTo(1.0);
        assertThat(suspects.get(1).score()).isEqualTo(0.0);
    }

    @Test
    void a_deployment_just_before_the_window_is_not_a_suspect() {
        assertThat(suspects(succeeded(DAY.plusNanos(1000)), succeeded(DAY.plusHours(3)))).isEmpty();
    }

    @Test
    void a_deployment_after_the_incident_started_is_not_a_suspect() {
        assertThat(suspects(succeeded(Duration.ofSeconds(-1)), succeeded(Duration.ofMinutes(-30)))).isEmpty();
    }

    @Test
    void deployments_of_another_service_or_to_another_environment_are_not_suspects() {
        var ours = succeeded(Duration.ofMinutes(30));
        var otherService = deployment("payments", "production", Duration.ofMinutes(5), Outcome.SUCCEEDED);
        var otherEnvironment = deployment("checkout", "staging", Duration.ofMinutes(5), Outcome.SUCCEEDED);

        var suspects = suspects(otherService, ours, otherEnvironment);

        assertThat(ids(suspects)).containsExactly(ours.deploymentId());
        assertThat(suspects.get(0).reason()).contains("the only deployment in the 24h window");
    }

    @Test
    void suspects_are_ranked_newest_first_by_recency() {
        var old = succeeded(Duration.ofHours(18));
        var newest = succeeded(Duration.ofMinutes(12));
        var middle = succeeded(Duration.ofHours(6));

        var suspects = suspects(old, newest, middle);

        assertThat(ids(suspects)).containsExactly(newest.deploymentId(), middle.deploymentId(), old.deploymentId());
        assertThat(suspects).extracting(Suspect::rank).containsExactly(1, 2, 3);
        assertThat(suspects).extracting(Suspect::score).containsExactly(0.992, 0.75, 0.25);
    }

    @Test
    void the_score_is_rounded_to_three_decimals() {
        // 1 - 100/86400 = 0.998842...
        assertThat(suspects(succeeded(Duration.ofSeconds(100))).get(0).score()).isEqualTo(0.999);
        // 1 - 43300/86400 = 0.498842...
        assertThat(suspects(succeeded(Duration.ofSeconds(43_300))).get(0).score()).isEqualTo(0.499);
    }

    @Test
    void a_failed_deployment_is_ranked_and_scored_by_recency_like_any_other() {
        var failedRecently = deployment("checkout", "production", Duration.ofMinutes(10), Outcome.FAILED);
        var succeededEarlier = succeeded(Duration.ofHours(6));

        var suspects = suspects(succeededEarlier, failedRecently);

        assertThat(ids(suspects)).containsExactly(failedRecently.deploymentId(), succeededEarlier.deploymentId());
        // 1 - 600/86400 = 0.993055...
        assertThat(suspects.get(0).score()).isEqualTo(0.993);
        assertThat(suspects.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(suspects.get(1).score()).isEqualTo(0.75);
    }

    @Test
    void deployments_that_finished_at_the_same_instant_keep_a_stable_order() {
        var one = deployment("checkout", "production", Duration.ofHours(1), Outcome.SUCCEEDED);
        var other = deployment("checkout", "production", Duration.ofHours(1), Outcome.FAILED);

        var first = suspects(one, other);
        var again = suspects(other, one);

        assertThat(first).extracting(Suspect::score).containsExactly(0.958, 0.958);
        assertThat(ids(first)).isEqualTo(ids(again));
    }

    @Test
    void the_reason_says_what_was_deployed_where_how_long_before_and_its_place_in_the_window() {
        var newest = succeeded(Duration.ofMinutes(12).plusSeconds(40));
        var older = deployment("checkout", "production", STARTED.minus(Duration.ofHours(3).plusMinutes(5)),
                Outcome.SUCCEEDED, "2.4.0");

        var suspects = suspects(older, newest);

        assertThat(suspects.get(0).reason()).isEqualTo("checkout 1a2b3c4d5e6f (commit 1a2b3c4) succeeded in production"
                + " 12 min before the incident started; newest of 2 deployments in the 24h window");
        assertThat(suspects.get(1).reason()).isEqualTo("checkout 2.4.0 (commit 1a2b3c4) succeeded in production"
                + " 3 h 5 min before the incident started; oldest of 2 deployments in the 24h window");
    }

    @Test
    void the_reason_of_a_failed_deployment_says_it_failed() {
        var failed = deployment("checkout", "production", Duration.ofSeconds(45), Outcome.FAILED);
        var second = succeeded(Duration.ofHours(2));
        var third = succeeded(Duration.ofHours(20));

        var suspects = suspects(failed, second, third);

        assertThat(suspects).extracting(Suspect::reason).containsExactly(
                "checkout 1a2b3c4d5e6f (commit 1a2b3c4) failed in production 45 s before the incident started;"
                        + " newest of 3 deployments in the 24h window; it failed, and may have left part of its change"
                        + " in place",
                "checkout 1a2b3c4d5e6f (commit 1a2b3c4) succeeded in production 2 h before the incident started;"
                        + " 2nd newest of 3 deployments in the 24h window",
                "checkout 1a2b3c4d5e6f (commit 1a2b3c4) succeeded in production 20 h before the incident started;"
                        + " oldest of 3 deployments in the 24h window");
    }

    @Test
    void a_suspect_carries_what_identifies_the_deployment() {
        var d = succeeded(Duration.ofMinutes(1));

        var suspect = suspects(d).get(0);

        assertThat(suspect.deploymentId()).isEqualTo(d.deploymentId());
        assertThat(suspect.version()).isEqualTo(d.version());
        assertThat(suspect.commitSha()).isEqualTo(d.commitSha());
        assertThat(suspect.changeId()).isEqualTo(d.changeId());
        assertThat(suspect.finishedAt()).isEqualTo(d.finishedAt());
        assertThat(suspect.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void the_window_is_configurable() {
        var shortWindow = new Attribution(Duration.ofMinutes(90));
        var inside = succeeded(Duration.ofMinutes(45));
        var outside = succeeded(Duration.ofMinutes(91));

        var suspects = shortWindow.suspects("checkout", "production", STARTED, List.of(inside, outside));

        assertThat(ids(suspects)).containsExactly(inside.deploymentId());
        assertThat(suspects.get(0).score()).isEqualTo(0.5);
        assertThat(suspects.get(0).reason()).endsWith("the only deployment in the 90min window");
        assertThat(shortWindow.windowStart(STARTED)).isEqualTo(STARTED.minus(Duration.ofMinutes(90)));
    }

    @Test
    void no_deployment_no_suspect() {
        assertThat(suspects()).isEmpty();
    }

    @Test
    void the_window_must_be_positive() {
        assertThatThrownBy(() -> new Attribution(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribution(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
