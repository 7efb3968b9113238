package io.passerelle.releaseservice.deployment.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.Release;
import org.jspecify.annotations.Nullable;

/** Recorded releases. */
public interface Releases {

    /**
     * Stores a new release and publishes the events it registered, in the caller's transaction, unless its service
     * already has a release of that commit; true when it was stored.
     */
    boolean save(Release release);

    /** Stores what a known release waits for ({@link Release#awaiting()}), the only thing about it that changes. */
    void update(Release release);

    Optional<Release> byId(UUID id);

    /** The release of that service and commit, locked until the end of the transaction. */
    Optional<Release> lock(String service, String commitSha);

    /** Newest first, of one service or of all. */
    List<Release> newestFirst(@Nullable String service);
}
