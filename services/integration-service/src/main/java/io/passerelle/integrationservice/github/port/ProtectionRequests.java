package io.passerelle.integrationservice.github.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.github.ProtectionRequest;
import io.passerelle.integrationservice.github.Review;
import io.passerelle.integrationservice.github.ReviewClaim;

/**
 * The protection requests (port), each the outbox of its review: AWAITING_DECISION → PENDING (review due) →
 * IN_FLIGHT (leased) → ANSWERED / FAILED, or back to PENDING for another attempt.
 */
public interface ProtectionRequests {

    /** Records a new request, AWAITING_DECISION. */
    void add(ProtectionRequest request);

    /**
     * Queues {@code review} for the gate, due at once, provided the gate is a request still awaiting its decision.
     * @return false when it is not (another gate, or one decided before): nothing changed
     */
    boolean queueReview(UUID gateId, Review review, Instant at);

    /** Claims up to {@code limit} due reviews (PENDING and due, or IN_FLIGHT with an expired lease). */
    List<ReviewClaim> claim(int limit, Instant now, Duration lease);

    /** When the next PENDING review falls due or the next lease expires. */
    Optional<Instant> nextDue();

    /** Counts one attempt, provided the claim still holds its lease. @return false when no call may be made */
    boolean startAttempt(ReviewClaim claim, Instant at);

    /** Records the decision, provided the claim still holds its lease. @return false when it lost it */
    boolean settle(ReviewClaim claim, Decision decision, Instant at);
}
