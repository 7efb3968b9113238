package io.passerelle.releaseservice.deployment.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.passerelle.releaseservice.deployment.Deployment;
import org.jspecify.annotations.Nullable;

/** Deployments of releases to environments. */
public interface Deployments {

    /** Stores the deployment, new or changed, and publishes the events it registered, in the caller's transaction. */
    void save(Deployment deployment);

    /** The deployment, locked until the end of the transaction: for changing it. */
    Optional<Deployment> lock(UUID id);

    Optional<Deployment> byId(UUID id);

    /**
     * Up to {@code limit} underway deployments whose deadline is {@code now} or earlier, earliest first, locked until
     * the end of the transaction; those another transaction holds are skipped (instances time out side by side).
     */
    List<Deployment> lockOverdue(Instant now, int limit);

    /** The earliest deadline of an underway deployment, if any. */
    Optional<Instant> nextDeadline();

    /** Newest (planned) first, optionally of one service and/or one environment. */
    List<Deployment> newestFirst(@Nullable String service, @Nullable String environment);

    /**
     * The deployment by a deploy target that took the release forward into that environment (not a rollback, not a
     * pipeline's own deployment behind a gate), if any.
     */
    Optional<Deployment> forward(UUID releaseId, String environment);

    /**
     * The newest deployment that succeeded in that environment of that service before {@code before}, of another
     * release than {@code otherThan}: the release a rollback puts back.
     */
    Optional<Deployment> lastSucceededBefore(String service, String environment, Instant before,
            UUID otherThan);

    /**
     * The deployment planned last into that environment of that service and not cancelled, whatever its kind,
     * executor or state: the one that decides what runs there now, or soon.
     */
    Optional<Deployment> newestIn(String service, String environment);

    /** The deployment that finished (succeeded or failed) last in that environment of that service, at or before {@code at}. */
    Optional<Deployment> lastFinishedBy(String service, String environment, Instant at);

    /** The rollback of that deployment that has not failed or been cancelled, if any. */
    Optional<Deployment> liveRollbackOf(UUID deploymentId);

    /**
     * Locks the deployment, applies {@code transition} and saves it when the transition says it changed it; false
     * when the deployment is unknown or did not change.
     */
    default boolean change(UUID id, Predicate<Deployment> transition) {
        var deployment = lock(id);
        if (deployment.isEmpty() || !transition.test(deployment.get())) {
            return false;
        }
        save(deployment.get());
        return true;
    }
}
