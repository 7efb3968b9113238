package io.passerelle.integrationservice.github;

import java.time.Clock;

import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.integrationservice.github.port.ReviewSender;

/**
 * A gate was decided: when it is one of the protection requests and the decision is final, the review is queued in
 * the caller's transaction (no call here: the sender sends it once that transaction commits). A gate decided before,
 * a decision that is not final, or a gate that is not a protection request (a pipeline opened it itself) queue
 * nothing.
 */
public final class QueueReview {

    public enum Outcome { QUEUED, NOT_FINAL, NOTHING_TO_REVIEW }

    private final ProtectionRequests requests;
    private final ReviewSender sender;
    private final Clock clock;

    public QueueReview(ProtectionRequests requests, ReviewSender sender, Clock clock) {
        this.requests = requests;
        this.sender = sender;
        this.clock = clock;
    }

    public Outcome decided(GateDecision decision) {
        var review = Review.of(decision);
        if (review.isEmpty()) {
            return Outcome.NOT_FINAL;
        }
        if (!requests.queueReview(decision.gateId(), review.get(), clock.instant())) {
            return Outcome.NOTHING_TO_REVIEW;
        }
        sender.sendAfterCommit();
        return Outcome.QUEUED;
    }
}
