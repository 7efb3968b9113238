package io.passerelle.incidentservice.timeline.port;

import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.timeline.TimelineEntry;

/** Every incident's timeline (port): appended to in the caller's transaction, never changed. */
public interface Timeline {

    void append(TimelineEntry entry);

    /** The incident's entries in order: by time, then in the order they were appended. */
    List<TimelineEntry> of(UUID incidentId);
}
