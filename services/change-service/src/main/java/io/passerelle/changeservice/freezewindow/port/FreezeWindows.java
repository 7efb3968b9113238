package io.passerelle.changeservice.freezewindow.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.FreezeWindow;

/** The freeze windows, every one ever declared (a window is ended, never deleted). */
public interface FreezeWindows {

    Optional<FreezeWindow> find(UUID id);

    /** Every window, the most recently declared first. */
    List<FreezeWindow> all();

    /** The windows whose scope covers the service in the environment and that were not ended at or before the instant. */
    List<FreezeWindow> inScope(String service, String environment, Instant notEndedBy);

    /**
     * The windows not ended at or before the instant, for checking a new window against them: from this call until the
     * caller's transaction ends, no one else may declare a window (two overlapping declarations cannot both pass).
     */
    List<FreezeWindow> lockForDeclaration(Instant notEndedBy);

    /**
     * Inserts a new window or records that a known one was ended, and publishes the events it registered, in the
     * caller's transaction. Refuses (409) to overwrite a window that someone else changed since it was read.
     */
    void save(FreezeWindow window);
}
