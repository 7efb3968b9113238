package io.passerelle.changeservice.change.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.change.ChangeRequest;
import io.passerelle.changeservice.change.ChangeState;
import org.jspecify.annotations.Nullable;

/** The change requests, with their decisions and audit trails. */
public interface Changes {

    Optional<ChangeRequest> find(UUID id);

    Optional<ChangeRequest> findByDeployment(UUID deploymentId);

    /** Newest first; a null filter matches everything. */
    List<ChangeRequest> list(@Nullable String service, @Nullable ChangeState state);

    /**
     * Held changes whose hold is over at {@code now}, the oldest hold first, at most {@code limit}, locked for the
     * caller's transaction; changes another transaction holds locked are skipped.
     */
    List<ChangeRequest> heldUntil(Instant now, int limit);

    /** The changes held by that freeze window, locked for the caller's transaction. */
    List<ChangeRequest> heldBy(UUID windowId);

    /** When the next hold is over, if any change is held. */
    Optional<Instant> nextHoldOver();

    /** The changes of the service (in that environment, or in all when null) waiting for approval or scheduled. */
    List<ChangeRequest> notImplementing(String service, @Nullable String environment);

    /**
     * Inserts a new change or updates a known one, appends its new decisions and audit entries, and publishes the
     * events it registered, in the caller's transaction. Refuses (409) to overwrite a change that someone else
     * changed since it was read.
     */
    void save(ChangeRequest change);
}
