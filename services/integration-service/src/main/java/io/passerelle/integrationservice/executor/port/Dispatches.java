package io.passerelle.integrationservice.executor.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Claim;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.DeploymentOutcome;
import io.passerelle.integrationservice.executor.DeploymentRequest;
import io.passerelle.integrationservice.executor.RecordedDispatch;
import io.passerelle.integrationservice.executor.Watch;
import org.jspecify.annotations.Nullable;

/**
 * The dispatch outbox (port): one row per deployment, PENDING → IN_FLIGHT (leased) → DISPATCHED / FAILED, or back
 * to PENDING for another attempt; a DISPATCHED deployment of an executor that watches is looked at (leased) until
 * it has an outcome; SETTLED from any of them once the deployment's outcome is reported.
 */
public interface Dispatches {

    /**
     * Records a PENDING dispatch of {@code call}, due at once, unless the deployment already has a dispatch that is
     * not FAILED. @return false when it had one (nothing changed)
     */
    boolean request(DeploymentRequest request, DeployCall call, Instant at);

    /** Records a FAILED dispatch (0 attempts), on the same terms as {@link #request}. */
    boolean refuse(DeploymentRequest request, String reason, Instant at);

    /**
     * Claims up to {@code limit} due dispatches — PENDING ones whose time has come and IN_FLIGHT ones whose lease
     * expired — leasing them until {@code now + lease}; rows claimed by another instance are skipped.
     */
    List<Claim> claim(int limit, Instant now, Duration lease);

    /** When the next PENDING dispatch falls due or the next lease expires. */
    Optional<Instant> nextDue();

    /**
     * Counts one attempt, just before its call, provided the claim still holds its lease (and so the deployment has
     * not settled): a call whose answer is lost stays counted. @return false when the call must not be made
     */
    boolean startAttempt(Claim claim, Instant at);

    /**
     * Records the decision, provided the claim still holds its lease; an accepted start keeps the executor's
     * {@code reference} and, for an executor that watches, is looked at from {@code checkAt} on.
     * @return false when it lost the lease
     */
    boolean settle(Claim claim, Decision decision, @Nullable String reference, @Nullable Instant checkAt, Instant at);

    /**
     * Claims up to {@code limit} started deployments due for a look (DISPATCHED, watched, {@code next_check_at}
     * come, before their deadline), leasing them until {@code now + lease}; rows claimed elsewhere are skipped.
     */
    List<Watch> claimWatches(int limit, Instant now, Duration lease);

    /** When the next look falls due. */
    Optional<Instant> nextWatchDue();

    /**
     * The deployment is still running: looked at again at {@code nextCheckAt}, by {@code reference}, provided the
     * watch still holds its lease (and the deployment has no outcome). @return false when it lost it
     */
    boolean rewatch(Watch watch, String reference, Instant nextCheckAt, Instant at);

    /**
     * SETTLED with the deployment's outcome, whatever its state (an IN_FLIGHT claim then loses its lease), with the
     * reason of a failure and the callback delivery that reported it (none when release-service settled it).
     * @return false when the deployment has no dispatch, or one already settled
     */
    boolean recordOutcome(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason,
            @Nullable UUID deliveryId, Instant at);

    /** The deployment's dispatch as a callback sees it, locked until the end of the transaction. */
    Optional<RecordedDispatch> lockRecorded(UUID deploymentId);
}
