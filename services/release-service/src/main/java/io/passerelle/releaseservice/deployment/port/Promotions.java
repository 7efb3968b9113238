package io.passerelle.releaseservice.deployment.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.PendingPromotion;

/** Promotions that wait for a soak time or a release manager; each ends DONE or STOPPED, with who or why. */
public interface Promotions {

    /** Records a waiting promotion; false when the release already had one into that environment. */
    boolean await(PendingPromotion promotion);

    /** The release's promotion into that environment while it still waits, locked until the end of the transaction. */
    Optional<PendingPromotion> lockWaiting(UUID releaseId, String environment);

    /** Soaking promotions due at {@code now}, oldest first, at most {@code limit}, locked (others skip them). */
    List<PendingPromotion> lockDue(Instant now, int limit);

    /** Soaking promotions of releases that succeeded in that environment of that service, locked. */
    List<PendingPromotion> lockSoakingIn(String service, String environment);

    /** When the next soak ends, if one is waiting. */
    Optional<Instant> nextDue();

    void done(PendingPromotion promotion, String decidedBy, Instant at);

    void stop(PendingPromotion promotion, String reason, Instant at);
}
