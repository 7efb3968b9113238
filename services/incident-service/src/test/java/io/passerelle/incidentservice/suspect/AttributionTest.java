package io.passerelle.incidentservice.suspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Instant STARTED = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final String SHA = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    private final Attribution attribution = new Attribution(DAY, 50);
    private final Map<UUID, RaisedChange> changes = new HashMap<>();

    private static FinishedDeployment deployment(String service, String environment, Duration before, Outcome outcome) {
        return deployment(service, environment, null, STARTED.minus(before), outcome, "1a2b3c4d5e6f");
    }

    private static FinishedDeployment deployment(String service, String environment, @Nullable Instant startedAt,
            Instant finishedAt, Outcome outcome, String version) {
        return new FinishedDeployment(UUID.randomUUID(), service, environment, version, SHA, UUID.randomUUID(),
                outcome, startedAt, finishedAt);
    }

    private static FinishedDeployment succeeded(Duration before) {
        return deployment("checkout", "production", before, Outcome.SUCCEEDED);
    }

    private static FinishedDeployment failed(Duration before) {
        return deployment("checkout", "production", before, Outcome.FAILED);
    }

    /** Began {@code began} before the incident started and finished {@code finished} before it (negative: after). */
    private static FinishedDeployment ran(Duration began, Duration finished) {
        return deployment("checkout", "production", STARTED.minus(began), STARTED.minus(finished), Outcome.SUCCEEDED,
                "1a2b3c4d5e6f");
    }

    private FinishedDeployment withChange(FinishedDeployment d, ChangeType type, @Nullable Integer risk) {
        changes.put(d.changeId(), new RaisedChange(d.changeId(), type, risk));
        return d;
    }

    private List<Suspect> suspects(FinishedDeployment... deployments) {
        return attribution.suspects("checkout", "production", STARTED, List.of(deployments), changes);
    }

    private static List<UUID> ids(List<Suspect> suspects) {
        return suspects.stream().map(Suspect::deploymentId).toList();
    }

    // --- candidates

    @Test
    void both_edges_of_the_window_are_included() {
        var atStart = succeeded(Duration.ZERO);
        var atWindowStart = succeeded(DAY);

        var suspects = suspects(atStart, atWindowStart);

        assertThat(ids(suspects)).containsExactly(atStart.deploymentId(), atWindowStart.deploymentId());
        assertThat(suspects).extracting(Suspect::score).containsExactly(0.7, 0.0);
    }

    @Test
    void a_deployment_that_ended_before_the_window_is_not_a_suspect() {
        assertThat(suspects(succeeded(DAY.plusNanos(1000)), succeeded(DAY.plusHours(3)))).isEmpty();
    }

    @Test
    void a_deployment_that_began_after_the_incident_started_is_not_a_suspect() {
        assertThat(suspects(succeeded(Duration.ofSeconds(-1)), ran(Duration.ofSeconds(-10), Duration.ofMinutes(-30))))
                .isEmpty();
    }

    @Test
    void a_deployment_under_way_when_the_incident_started_is_a_suspect_as_recent_as_can_be() {
        var underWay = ran(Duration.ofMinutes(3), Duration.ofMinutes(-2));
        var earlier = succeeded(Duration.ofHours(1));

        var suspects = suspects(earlier, underWay);

        assertThat(ids(suspects)).containsExactly(underWay.deploymentId(), earlier.deploymentId());
        assertThat(suspects.get(0).score()).isEqualTo(0.7);
        assertThat(suspects.get(0).reason()).isEqualTo("checkout 1a2b3c4d5e6f (commit 1a2b3c4) was being deployed to"
                + " production when the incident started: it began 3 min before and succeeded 2 min after; newest of 2"
                + " deployments in the 24h window; score 0.700 = 0.7 × recency 1.000");
    }

    @Test
    void a_deployment_that_began_before_the_window_and_ended_in_it_is_a_suspect() {
        var longOne = ran(DAY.plusHours(2), DAY.minusHours(1));

        assertThat(ids(suspects(longOne))).containsExactly(longOne.deploymentId());
    }

    @Test
    void a_deployment_whose_start_is_unknown_began_when_it_ended() {
        var unknownStart = deployment("checkout", "production", null, STARTED.plusSeconds(5), Outcome.SUCCEEDED, "1");
        var startAfterEnd = deployment("checkout", "production", STARTED.plusSeconds(60), STARTED.minusSeconds(60),
                Outcome.SUCCEEDED, "2");

        assertThat(unknownStart.began()).isEqualTo(unknownStart.finishedAt());
        assertThat(startAfterEnd.began()).as("a confused clock: its end").isEqualTo(startAfterEnd.finishedAt());
        assertThat(ids(suspects(unknownStart, startAfterEnd))).containsExactly(startAfterEnd.deploymentId());
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
    void no_deployment_no_suspect() {
        assertThat(suspects()).isEmpty();
    }

    // --- the score: recency, and a factor for each of failed, only one, a risky normal change

    @Test
    void without_factors_suspects_are_ranked_newest_first_by_recency() {
        var old = succeeded(Duration.ofHours(18));
        var newest = succeeded(Duration.ofMinutes(12));
        var middle = succeeded(Duration.ofHours(6));

        var suspects = suspects(old, newest, middle);

        assertThat(ids(suspects)).containsExactly(newest.deploymentId(), middle.deploymentId(), old.deploymentId());
        assertThat(suspects).extracting(Suspect::rank).containsExactly(1, 2, 3);
        // 0.7 × 0.992, 0.7 × 0.75, 0.7 × 0.25
        assertThat(suspects).extracting(Suspect::score).containsExactly(0.694, 0.525, 0.175);
    }

    @Test
    void recency_is_rounded_to_three_decimals_before_it_is_weighed_so_the_terms_add_up() {
        // 1 - 100/86400 = 0.99884 → 0.999; 0.7 × 0.999 + 0.1 = 0.7993 → 0.799
        var suspect = suspects(succeeded(Duration.ofSeconds(100))).get(0);
        assertThat(suspect.score()).isEqualTo(0.799);
        assertThat(suspect.reason()).endsWith("score 0.799 = 0.7 × recency 0.999 + 0.1 the only deployment in the window");
        // 1 - 43300/86400 = 0.49884 → 0.499; 0.7 × 0.499 + 0.1 = 0.4493 → 0.449
        assertThat(suspects(succeeded(Duration.ofSeconds(43_300))).get(0).score()).isEqualTo(0.449);
        // 1 - 432/86400 = 0.995; 0.7 × 0.995 + 0.1 = 0.7965 → 0.797 (half up, exactly)
        assertThat(suspects(succeeded(Duration.ofSeconds(432))).get(0).score()).isEqualTo(0.797);
    }

    @Test
    void a_failed_deployment_ranks_above_a_successful_one_up_to_about_3_h_26_min_newer() {
        var failed = failed(Duration.ofHours(4));
        var newerBy3h = succeeded(Duration.ofHours(1));
        var newerBy3h30 = succeeded(Duration.ofMinutes(30));

        var suspects = suspects(newerBy3h30, failed, newerBy3h);

        // failed: 0.7 × 0.833 + 0.1 = 0.6831; 1 h: 0.7 × 0.958 = 0.6706; 30 min: 0.7 × 0.979 = 0.6853
        assertThat(ids(suspects)).containsExactly(newerBy3h30.deploymentId(), failed.deploymentId(),
                newerBy3h.deploymentId());
        assertThat(suspects).extracting(Suspect::score).containsExactly(0.685, 0.683, 0.671);
        assertThat(suspects.get(1).reason()).endsWith(
                "score 0.683 = 0.7 × recency 0.833 + 0.1 it failed (it may have left part of its change in place)");
    }

    @Test
    void the_only_deployment_in_the_window_scores_higher() {
        var alone = succeeded(Duration.ofHours(6));

        var suspect = suspects(alone).get(0);

        assertThat(suspect.score()).isEqualTo(0.625); // 0.7 × 0.75 + 0.1
        assertThat(suspect.reason()).isEqualTo("checkout 1a2b3c4d5e6f (commit 1a2b3c4) succeeded in production 6 h"
                + " before the incident started; the only deployment in the 24h window; score 0.625 = 0.7 × recency"
                + " 0.750 + 0.1 the only deployment in the window");
    }

    @Test
    void a_normal_change_of_high_risk_ranks_its_deployment_higher() {
        var risky = withChange(succeeded(Duration.ofHours(2)), ChangeType.NORMAL, 50);
        var newer = withChange(succeeded(Duration.ofMinutes(20)), ChangeType.NORMAL, 49);

        var suspects = suspects(newer, risky);

        assertThat(ids(suspects)).containsExactly(risky.deploymentId(), newer.deploymentId());
        assertThat(suspects).extracting(Suspect::score).containsExactly(0.742, 0.69); // 0.7 × 0.917 + 0.1; 0.7 × 0.986
        assertThat(suspects.get(0).reason()).endsWith("oldest of 2 deployments in the 24h window;"
                + " score 0.742 = 0.7 × recency 0.917 + 0.1 a NORMAL change of high risk (50 ≥ 50)");
        assertThat(suspects.get(1).reason()).as("below the threshold: no factor")
                .endsWith("score 0.690 = 0.7 × recency 0.986");
    }

    @Test
    void only_a_normal_change_with_a_known_high_risk_is_a_factor() {
        var standard = withChange(succeeded(Duration.ofHours(1)), ChangeType.STANDARD, 90);
        var emergency = withChange(succeeded(Duration.ofHours(1)), ChangeType.EMERGENCY, 90);
        var riskUnknown = withChange(succeeded(Duration.ofHours(1)), ChangeType.NORMAL, null);
        var changeUnknown = succeeded(Duration.ofHours(1));
        var noChange = new FinishedDeployment(UUID.randomUUID(), "checkout", "production", "1", SHA, null,
                Outcome.FAILED, null, STARTED.minus(Duration.ofHours(1)));

        var suspects = suspects(standard, emergency, riskUnknown, changeUnknown, noChange);

        assertThat(suspects).filteredOn(s -> s.outcome() == Outcome.SUCCEEDED).extracting(Suspect::score)
                .containsOnly(0.671); // 0.7 × 0.958
        assertThat(suspects).extracting(Suspect::reason).noneMatch(r -> r.contains("NORMAL"));
        assertThat(suspects.get(0).deploymentId()).isEqualTo(noChange.deploymentId());
    }

    @Test
    void every_factor_together_makes_a_score_of_one() {
        var everything = withChange(failed(Duration.ZERO), ChangeType.NORMAL, 80);

        var suspect = suspects(everything).get(0);

        assertThat(suspect.score()).isEqualTo(1.0);
        assertThat(suspect.reason()).isEqualTo("checkout 1a2b3c4d5e6f (commit 1a2b3c4) failed in production 0 s before"
                + " the incident started; the only deployment in the 24h window; score 1.000 = 0.7 × recency 1.000"
                + " + 0.1 it failed (it may have left part of its change in place) + 0.1 the only deployment in the"
                + " window + 0.1 a NORMAL change of high risk (80 ≥ 50)");
    }

    @Test
    void equal_scores_rank_newest_first_then_by_deployment_id() {
        var one = succeeded(Duration.ofHours(1));
        var other = succeeded(Duration.ofHours(1));
        var failedOlder = failed(Duration.ofMinutes(60 + 206)); // 0.7 × 0.815 + 0.1 = 0.6705 → 0.671

        var first = suspects(one, other, failedOlder);
        var again = suspects(failedOlder, other, one);

        assertThat(first).extracting(Suspect::score).containsExactly(0.671, 0.671, 0.671);
        assertThat(ids(first)).isEqualTo(ids(again));
        assertThat(ids(first).getLast()).as("the older one last").isEqualTo(failedOlder.deploymentId());
    }

    // --- the reason

    @Test
    void the_reason_says_what_was_deployed_where_how_long_before_its_place_in_the_window_and_the_score() {
        var newest = succeeded(Duration.ofMinutes(12).plusSeconds(40));
        var older = deployment("checkout", "production", null, STARTED.minus(Duration.ofHours(3).plusMinutes(5)),
                Outcome.SUCCEEDED, "2.4.0");

        var suspects = suspects(older, newest);

        assertThat(suspects.get(0).reason()).isEqualTo("checkout 1a2b3c4d5e6f (commit 1a2b3c4) succeeded in production"
                + " 12 min before the incident started; newest of 2 deployments in the 24h window;"
                + " score 0.694 = 0.7 × recency 0.991");
        assertThat(suspects.get(1).reason()).isEqualTo("checkout 2.4.0 (commit 1a2b3c4) succeeded in production"
                + " 3 h 5 min before the incident started; oldest of 2 deployments in the 24h window;"
                + " score 0.610 = 0.7 × recency 0.872");
    }

    @Test
    void the_position_counts_the_deployments_of_the_window_newest_first_whatever_the_rank() {
        var failed = failed(Duration.ofSeconds(45));
        var second = succeeded(Duration.ofHours(2));
        var third = failed(Duration.ofHours(2).plusMinutes(30));
        var fourth = succeeded(Duration.ofHours(20));

        var suspects = suspects(fourth, third, second, failed);

        assertThat(ids(suspects)).containsExactly(failed.deploymentId(), third.deploymentId(), second.deploymentId(),
                fourth.deploymentId());
        assertThat(suspects).extracting(Suspect::reason).satisfiesExactly(
                r -> assertThat(r).contains("failed in production 45 s before", "newest of 4 deployments"),
                r -> assertThat(r).contains("2 h 30 min before", "3rd newest of 4 deployments"),
                r -> assertThat(r).contains("2 h before", "2nd newest of 4 deployments"),
                r -> assertThat(r).contains("20 h before", "oldest of 4 deployments"));
    }

    @Test
    void a_suspect_carries_what_identifies_the_deployment_and_no_decision() {
        var d = succeeded(Duration.ofMinutes(1));

        var suspect = suspects(d).get(0);

        assertThat(suspect.deploymentId()).isEqualTo(d.deploymentId());
        assertThat(suspect.version()).isEqualTo(d.version());
        assertThat(suspect.commitSha()).isEqualTo(d.commitSha());
        assertThat(suspect.changeId()).isEqualTo(d.changeId());
        assertThat(suspect.finishedAt()).isEqualTo(d.finishedAt());
        assertThat(suspect.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(suspect.decision()).isNull();
    }

    // --- configuration

    @Test
    void the_window_and_the_high_risk_are_configurable() {
        var shortWindow = new Attribution(Duration.ofMinutes(90), 70);
        var inside = withChange(succeeded(Duration.ofMinutes(45)), ChangeType.NORMAL, 69);
        var outside = succeeded(Duration.ofMinutes(91));

        var suspects = shortWindow.suspects("checkout", "production", STARTED, List.of(inside, outside), changes);

        assertThat(ids(suspects)).containsExactly(inside.deploymentId());
        assertThat(suspects.get(0).score()).isEqualTo(0.45); // 0.7 × 0.5 + 0.1, risk 69 < 70
        assertThat(suspects.get(0).reason()).contains("the only deployment in the 90min window");
        assertThat(shortWindow.windowStart(STARTED)).isEqualTo(STARTED.minus(Duration.ofMinutes(90)));
        assertThat(shortWindow.latestIncidentStart(inside)).isEqualTo(inside.finishedAt().plus(Duration.ofMinutes(90)));
    }

    @Test
    void the_window_must_be_positive_and_the_high_risk_a_score() {
        assertThatThrownBy(() -> new Attribution(Duration.ZERO, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribution(Duration.ofHours(-1), 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribution(DAY, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribution(DAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
