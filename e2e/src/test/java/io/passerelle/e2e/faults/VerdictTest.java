package io.passerelle.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.passerelle.testkit.DeployTarget;
import org.junit.jupiter.api.Test;

/** How a fault run is judged, on records made up for each way of failing (the run itself needs the stack). */
class VerdictTest {

    static final int MAX_ATTEMPTS = 3;
    static final Burst.Pipeline PIPELINE = new Burst.Pipeline("shop", "faults/shop", "secret", "sha1", 1, "delivery-1");

    /** One delivery, its release, staging and production SUCCEEDED with their changes: nothing to report. */
    static final class Run {
        final List<Burst.Delivery> deliveries = new ArrayList<>(List.of(new Burst.Delivery(PIPELINE, true, List.of(202))));
        final Set<String> recorded = new java.util.HashSet<>(Set.of("delivery-1"));
        final List<Records.Release> releases = new ArrayList<>(List.of(new Records.Release("r1", "shop", "sha1")));
        final List<Records.Deployment> deployments = new ArrayList<>(List.of(
                new Records.Deployment("d1", "r1", "shop", "staging", "SUCCEEDED", null),
                new Records.Deployment("d2", "r1", "shop", "production", "SUCCEEDED", null)));
        final List<Records.Change> changes = new ArrayList<>(List.of(new Records.Change("c1", "d1", "CLOSED"),
                new Records.Change("c2", "d2", "CLOSED")));
        final Map<String, String> dispatches = new HashMap<>(Map.of("d1", "SETTLED", "d2", "SETTLED"));
        final Set<String> projected = new java.util.HashSet<>(Set.of("d1", "d2"));
        final Map<String, DeployTarget.Log> logs = new HashMap<>(Map.of(
                "d1", log("d1", 100L, call("d1", 10, 500), call("d1", 20, 202)),
                "d2", log("d2", 200L, call("d2", 150, 202))));
        final Map<String, Integer> deadLettered = new HashMap<>(Map.of("passerelle.events.change-service.dlq", 0));

        Verdict verdict() {
            return new Verdict(deliveries, new Records(recorded, releases, deployments, changes, dispatches, projected),
                    logs, MAX_ATTEMPTS, deadLettered);
        }
    }

    @Test
    void a_run_where_everything_arrived_once_and_settled_has_nothing_to_report() {
        var verdict = new Run().verdict();
        assertThat(verdict.settled()).isTrue();
        for (var kind : Verdict.Kind.values()) {
            assertThat(verdict.count(kind)).as(kind.description).isZero();
        }
    }

    @Test
    void a_release_that_did_not_reach_production_after_staging_succeeded_is_lost_and_keeps_the_run_unsettled() {
        var run = new Run();
        run.deployments.removeIf(d -> d.id().equals("d2"));
        run.changes.removeIf(c -> c.id().equals("c2"));
        var verdict = run.verdict();
        assertThat(verdict.count(Verdict.Kind.LOST)).isEqualTo(1);
        assertThat(verdict.settled()).isFalse();
    }

    @Test
    void a_deployment_still_in_progress_or_a_change_left_open_is_unsettled() {
        var run = new Run();
        run.deployments.set(1, new Records.Deployment("d2", "r1", "shop", "production", "IN_PROGRESS", null));
        run.changes.set(0, new Records.Change("c1", "d1", "SCHEDULED"));
        assertThat(run.verdict().count(Verdict.Kind.UNSETTLED)).isEqualTo(2);
    }

    @Test
    void a_second_release_of_a_commit_and_a_second_change_of_a_deployment_are_duplicates() {
        var run = new Run();
        run.releases.add(new Records.Release("r2", "shop", "sha1"));
        run.changes.add(new Records.Change("c3", "d1", "CLOSED"));
        assertThat(run.verdict().count(Verdict.Kind.DUPLICATED)).isEqualTo(2);
    }

    @Test
    void a_call_after_the_target_reported_success_is_a_repeat_and_a_fourth_call_is_over_the_limit() {
        var run = new Run();
        run.logs.put("d2", log("d2", 200L, call("d2", 150, 202), call("d2", 300, 202), call("d2", 310, 202),
                call("d2", 320, 202)));
        var verdict = run.verdict();
        assertThat(verdict.count(Verdict.Kind.REPEATED_AFTER_SUCCESS)).isEqualTo(3);
        assertThat(verdict.count(Verdict.Kind.OVER_ATTEMPTS)).isEqualTo(1);
    }

    @Test
    void a_deployment_failed_with_fewer_calls_than_allowed_or_one_accepted_call_failed_without_cause() {
        var run = new Run();
        run.deployments.set(1, new Records.Deployment("d2", "r1", "shop", "production", "FAILED",
                "circuit breaker for 127.0.0.1:1 still open"));
        run.changes.set(1, new Records.Change("c2", "d2", "REVIEW"));
        run.logs.put("d2", log("d2", null, call("d2", 150, 500)));
        assertThat(run.verdict().count(Verdict.Kind.FAILED_WITHOUT_CAUSE)).isEqualTo(1);

        run.logs.put("d2", log("d2", null, call("d2", 150, 500), call("d2", 160, 500), call("d2", 170, 500)));
        assertThat(run.verdict().count(Verdict.Kind.FAILED_WITHOUT_CAUSE)).isZero();
    }

    @Test
    void calls_without_the_deployment_id_as_idempotency_key_and_dead_letters_are_reported() {
        var run = new Run();
        run.logs.put("d2", log("d2", 200L, new DeployTarget.Call("/flaky", "d2", "shop", "production", "sha1", "t", true,
                150, "", 202)));
        run.deadLettered.put("passerelle.events.change-service.dlq", 2);
        var verdict = run.verdict();
        assertThat(verdict.count(Verdict.Kind.IDEMPOTENCY_KEY)).isEqualTo(1);
        assertThat(verdict.count(Verdict.Kind.DEAD_LETTERED)).isEqualTo(1);
    }

    @Test
    void a_delivery_never_accepted_is_reported_and_asks_for_nothing() {
        var run = new Run();
        run.deliveries.add(new Burst.Delivery(new Burst.Pipeline("shop", "faults/shop", "secret", "sha2", 2,
                "delivery-2"), false, List.of(503, 503)));
        var verdict = run.verdict();
        assertThat(verdict.count(Verdict.Kind.UNDELIVERED)).isEqualTo(1);
        assertThat(verdict.count(Verdict.Kind.LOST)).isZero();
    }

    static DeployTarget.Call call(String deploymentId, long receivedAt, int answered) {
        return new DeployTarget.Call("/flaky", deploymentId, "shop", "staging", "sha1", "t", true, receivedAt,
                deploymentId, answered);
    }

    static DeployTarget.Log log(String deploymentId, Long succeededAt, DeployTarget.Call... calls) {
        return new DeployTarget.Log(deploymentId, List.of(calls),
                succeededAt == null ? OptionalLong.empty() : OptionalLong.of(succeededAt));
    }
}
