package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change as the calendar shows it: authorized at some time, closed at another or still open. Type and state are the
 * change's own words, shown as they are (the calendar does not interpret them).
 */
public record CalendarChange(UUID id, String type, String state, String service, String environment, String title,
        Instant authorizedAt, @Nullable Instant closedAt) {
}
