package io.passerelle.changeservice.change.port;

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
     * Inserts a new change or updates a known one, appends its new decisions and audit entries, and publishes the
     * events it registered, in the caller's transaction. Refuses (409) to overwrite a change that someone else
     * changed since it was read.
     */
    void save(ChangeRequest change);
}
