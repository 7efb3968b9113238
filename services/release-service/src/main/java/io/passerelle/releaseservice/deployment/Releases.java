package io.passerelle.releaseservice.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Recorded releases. */
public interface Releases {

    /** Stores the release unless its service already has one for that commit; true when it was stored. */
    boolean addIfNew(Release release);

    Optional<Release> byId(UUID id);

    /** Newest first, of one service or of all. */
    List<Release> newestFirst(@Nullable String service);
}
