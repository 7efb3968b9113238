package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import org.junit.jupiter.api.Test;

/** A decision queues the review GitHub is owed; each attempt follows the shared retry policy with GitHub's name. */
class QueueAndAttemptReviewTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:20:03Z");
    static final UUID GATE = UUID.fromString("5d3c2b1a-9e8f-4a7b-8c6d-1e2f3a4b5c6d");
    static final UUID CHANGE = UUID.fromString("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");

    final Map<UUID, String> states = new HashMap<>(Map.of(GATE, "AWAITING_DECISION"));
    final List<String> log = new ArrayList<>();
    int wakeUps;
    boolean leaseHeld = true;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final QueueReview queue = new QueueReview(new InMemory(), () -> wakeUps++, clock);

    CallOutcome answer = new CallOutcome.Accepted(204);
    final AttemptReview attempt = new AttemptReview((claim, start) -> {
        if (!start.getAsBoolean()) {
            return new CallOutcome.Withdrawn();
        }
        log.add("call");
        return answer;
    }, new InMemory(), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), "GitHub"),
            clock);

    static ReviewClaim claim(int attempts) {
        return new ReviewClaim(GATE, 57923423L, "https://api.github.com/repos/acme/payments/actions/runs/1"
                + "/deployment_protection_rule", "Production", new Review(Review.State.APPROVED, "ok"), attempts,
                attempts == 0 ? null : "answered HTTP 502", NOW.minusSeconds(5), NOW.plusSeconds(60), Map.of());
    }

    @Test
    void a_final_decision_queues_the_review_once_and_wakes_the_sender() {
        assertThat(queue.decided(new GateDecision(GATE, "ALLOWED", CHANGE, null))).isEqualTo(QueueReview.Outcome.QUEUED);
        assertThat(queue.decided(new GateDecision(GATE, "REFUSED", CHANGE, "late")))
                .isEqualTo(QueueReview.Outcome.NOTHING_TO_REVIEW);
        assertThat(states).containsEntry(GATE, "PENDING approved");
        assertThat(wakeUps).isEqualTo(1);
    }

    @Test
    void a_held_gate_and_a_gate_that_is_no_protection_request_queue_nothing() {
        assertThat(queue.decided(new GateDecision(GATE, "HELD", CHANGE, "freeze"))).isEqualTo(QueueReview.Outcome.NOT_FINAL);
        assertThat(queue.decided(new GateDecision(UUID.randomUUID(), "ALLOWED", CHANGE, null)))
                .isEqualTo(QueueReview.Outcome.NOTHING_TO_REVIEW);
        assertThat(states).containsEntry(GATE, "AWAITING_DECISION");
        assertThat(wakeUps).isZero();
    }

    @Test
    void a_204_answers_the_review_counting_the_attempt() {
        var outcome = attempt.call(claim(0));

        assertThat(attempt.settle(claim(0), outcome)).contains(new Decision.Dispatched(1));
        assertThat(log).containsExactly("start", "call", "settle Dispatched[attempts=1]");
    }

    @Test
    void a_5xx_comes_back_after_the_backoff_and_the_reasons_name_github() {
        answer = new CallOutcome.Unavailable("answered HTTP 502");

        assertThat(attempt.settle(claim(0), attempt.call(claim(0))))
                .contains(new Decision.Retry(1, NOW.plusSeconds(1), "answered HTTP 502"));
        assertThat(attempt.settle(claim(2), attempt.call(claim(2))))
                .contains(new Decision.Failed(3, "GitHub answered HTTP 502 on each of 3 attempts"));
    }

    @Test
    void a_final_answer_fails_the_review_at_once() {
        answer = new CallOutcome.Refused("answered HTTP 422: No pending deployment protection rule");

        assertThat(attempt.settle(claim(0), attempt.call(claim(0)))).contains(new Decision.Failed(1,
                "GitHub answered HTTP 422: No pending deployment protection rule (not retried: only I/O errors,"
                        + " timeouts, 5xx and 429 are)"));
    }

    @Test
    void no_call_is_made_once_every_attempt_was_made_nor_when_the_claim_lost_its_lease() {
        assertThat(attempt.call(claim(3))).isInstanceOf(CallOutcome.AttemptsUsedUp.class);
        leaseHeld = false;
        var withdrawn = attempt.call(claim(0));

        assertThat(withdrawn).isInstanceOf(CallOutcome.Withdrawn.class);
        assertThat(attempt.settle(claim(0), withdrawn)).isEmpty();
        assertThat(log).doesNotContain("call");
    }

    class InMemory implements ProtectionRequests {

        @Override
        public void add(ProtectionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean queueReview(UUID gateId, Review review, Instant at) {
            if (!"AWAITING_DECISION".equals(states.get(gateId))) {
                return false;
            }
            states.put(gateId, "PENDING " + review.state().wire());
            return true;
        }

        @Override
        public List<ReviewClaim> claim(int limit, Instant now, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> nextDue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean startAttempt(ReviewClaim claim, Instant at) {
            if (leaseHeld) {
                log.add("start");
            }
            return leaseHeld;
        }

        @Override
        public boolean settle(ReviewClaim claim, Decision decision, Instant at) {
            log.add("settle " + decision);
            return true;
        }
    }
}
