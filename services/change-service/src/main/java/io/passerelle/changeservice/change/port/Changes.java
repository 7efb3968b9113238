package io.passerelle.change.change;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The change requests, with their decisions and audit trails. */
public interface Changes {

    Optional<ChangeRequest> find(UUID id);

    Optional<ChangeRequest> findByDeployment(UUID deploymentId);

    /** Newest first; a null filter matches everything. */
    List<ChangeRequest> list(@Nullable String service, @Nullable ChangeState state);

    /**
     * Inserts a new change or updates a known one. Refuses (409) to overwrite a change that someone else changed
     * since it was read.
     */
    void save(ChangeRequest change);
}
