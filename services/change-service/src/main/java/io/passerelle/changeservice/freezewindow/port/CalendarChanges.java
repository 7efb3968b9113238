package io.passerelle.changeservice.freezewindow.port;

import java.time.Instant;
import java.util.List;

import io.passerelle.changeservice.freezewindow.CalendarChange;

/** The changes the calendar shows next to the freeze windows. */
public interface CalendarChanges {

    /**
     * The changes authorized to happen some time in [from, to): authorized before {@code to}, and not closed before
     * {@code from} (one not closed yet is on the calendar from its authorization on), by authorization time.
     */
    List<CalendarChange> between(Instant from, Instant to);
}
