package io.passerelle.integrationservice.github.port;

import java.util.function.BooleanSupplier;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.github.ReviewClaim;

/** Reviews a protection rule on GitHub as the App's installation (port). Never throws. */
public interface GithubReviews {

    /**
     * One attempt: an installation token (cached, or obtained with the App's JWT), then the review POSTed to the
     * claim's callback URL. {@code start} is called once the calls are allowed (outbound guard) and about to be made;
     * when it answers false, nothing is sent and the outcome is {@link CallOutcome.Withdrawn}.
     */
    CallOutcome review(ReviewClaim claim, BooleanSupplier start);
}
