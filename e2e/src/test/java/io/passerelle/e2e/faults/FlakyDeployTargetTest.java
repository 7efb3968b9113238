package io.passerelle.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The test kit's {@code /flaky} deploy target, on its own (no stack: its reports of success go nowhere): it fails the
 * share of calls it is told, the same calls for the same seed, logs every call per deployment, and runs a fault armed
 * for its next acceptance once, before answering.
 */
class FlakyDeployTargetTest {

    static final String SERVICE = "shop";
    static final String SECRET = "flaky-target-test-secret-0123456789";
    /** Nothing listens there: the target's reports of success are not heard, and nothing else is touched. */
    static final String NOWHERE = "http://127.0.0.1:1";

    @Test
    void flaky_fails_about_the_share_it_is_told_and_the_same_calls_for_the_same_seed() throws Exception {
        try (var one = target(0.5, 42); var other = target(0.5, 42); var reseeded = target(0.5, 43)) {
            var answers = new ArrayList<List<Integer>>();
            for (var target : List.of(one, other, reseeded)) {
                var answered = new ArrayList<Integer>();
                for (int i = 0; i < 200; i++) {
                    answered.add(call(target, "d-" + i, String.format("%040x", i)));
                }
                answers.add(answered);
            }
            assertThat(answers.get(0)).containsOnly(202, 500).isEqualTo(answers.get(1)).isNotEqualTo(answers.get(2));
            assertThat(answers.get(0).stream().filter(status -> status == 500).count()).isBetween(70L, 130L);
        }
    }

    @Test
    void flaky_fails_nothing_at_share_zero_and_everything_at_share_one() throws Exception {
        try (var never = target(0, 1); var always = target(1, 1)) {
            for (int i = 0; i < 20; i++) {
                assertThat(call(never, "d-" + i, String.format("%040x", i))).isEqualTo(202);
                assertThat(call(always, "d-" + i, String.format("%040x", i))).isEqualTo(500);
            }
        }
    }

    @Test
    void each_deployment_s_calls_are_logged_in_order_with_their_answer_and_idempotency_key() throws Exception {
        try (var target = target(1, 7)) {
            call(target, "d-1", "a".repeat(40));
            call(target, "d-2", "b".repeat(40));
            call(target, "d-1", "a".repeat(40));

            var logs = target.logs();
            assertThat(logs).containsOnlyKeys("d-1", "d-2");
            assertThat(logs.get("d-1").calls()).hasSize(2).allSatisfy(c -> {
                assertThat(c.answered()).isEqualTo(500);
                assertThat(c.accepted()).isFalse();
                assertThat(c.idempotencyKey()).isEqualTo("d-1");
                assertThat(c.signatureValid()).isTrue();
            });
            assertThat(logs.get("d-1").calls().get(0).receivedAtNanos())
                    .isLessThan(logs.get("d-1").calls().get(1).receivedAtNanos());
            assertThat(logs.get("d-1").succeededAtNanos()).isEmpty();
            assertThat(logs.get("d-1").callsAfterSuccess()).isEmpty();
        }
    }

    @Test
    void an_action_armed_before_the_next_acceptance_runs_once_on_an_accepted_call_before_it_is_answered()
            throws Exception {
        try (var refusing = target(1, 3); var accepting = target(0, 3)) {
            var ran = new java.util.concurrent.atomic.AtomicInteger();
            var loggedWhenRun = new java.util.concurrent.atomic.AtomicInteger(-1);
            refusing.beforeNextAcceptance(ran::incrementAndGet);
            call(refusing, "d-1", "c".repeat(40));
            assertThat(ran).hasValue(0);

            accepting.beforeNextAcceptance(() -> {
                ran.incrementAndGet();
                loggedWhenRun.set(accepting.calls().size());
            });
            assertThat(call(accepting, "d-2", "d".repeat(40))).isEqualTo(202);
            assertThat(call(accepting, "d-3", "e".repeat(40))).isEqualTo(202);
            assertThat(ran).hasValue(1);
            assertThat(loggedWhenRun).hasValue(1);
        }
    }

    private static DeployTarget target(double share, long seed) throws Exception {
        var target = new DeployTarget(new Tokens(NOWHERE)).flaky(share, seed);
        target.trust(SERVICE, SECRET);
        return target;
    }

    /** A deploy request as integration-service signs it; the status the target answered. */
    private static int call(DeployTarget target, String deploymentId, String commitSha) {
        var body = Http.JSON.writeValueAsBytes(Map.of("deploymentId", deploymentId, "service", SERVICE,
                "environment", "staging", "commitSha", commitSha, "callbackToken", "t",
                "callbackUrl", NOWHERE + "/api/v1/executors/webhook/deployments/" + deploymentId + "/outcome"));
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return Http.send("POST", target.url("/flaky"), null, body, Map.of("X-Passerelle-Timestamp", timestamp,
                "X-Passerelle-Signature-256", DeployTarget.sign(SECRET, signed),
                DeployTarget.IDEMPOTENCY_KEY, deploymentId)).status();
    }
}
