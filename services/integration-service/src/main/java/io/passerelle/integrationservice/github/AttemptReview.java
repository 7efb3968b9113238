package io.passerelle.integrationservice.github;

import java.time.Clock;
import java.util.Optional;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.github.port.GithubReviews;
import io.passerelle.integrationservice.github.port.ProtectionRequests;

/**
 * One attempt at a claimed review, in the two steps the deploy dispatcher also keeps apart: {@link #call} (outside
 * any transaction; the attempt is counted just before the first request) and {@link #settle} (the next state, in one
 * short transaction, fenced by the lease). Retries follow the executor's {@link RetryPolicy} with GitHub's settings.
 */
public final class AttemptReview {

    private final GithubReviews github;
    private final ProtectionRequests requests;
    private final RetryPolicy policy;
    private final Clock clock;

    public AttemptReview(GithubReviews github, ProtectionRequests requests, RetryPolicy policy, Clock clock) {
        this.github = github;
        this.requests = requests;
        this.policy = policy;
        this.clock = clock;
    }

    public CallOutcome call(ReviewClaim claim) {
        if (policy.attemptsUsedUp(claim)) {
            return new CallOutcome.AttemptsUsedUp();
        }
        return github.review(claim, () -> requests.startAttempt(claim, clock.instant()));
    }

    /** @return the decision recorded, or empty when nothing was (the call was withdrawn, or the lease was lost) */
    public Optional<Decision> settle(ReviewClaim claim, CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Withdrawn) {
            return Optional.empty();
        }
        var now = clock.instant();
        var decision = policy.decide(claim, outcome, now);
        return requests.settle(claim, decision, now) ? Optional.of(decision) : Optional.empty();
    }
}
