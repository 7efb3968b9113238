package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.List;

/**
 * A service in an environment is frozen at some instant: {@code windows} cover it then, and it may proceed at
 * {@code until}, the first instant after it that no window in its scope covers (following on through the occurrences
 * of other windows that overlap or touch the covering ones), or at the end of {@link FreezeCalendar#LOOK_AHEAD},
 * whichever is first: then ask again.
 */
public record Freeze(List<FreezeWindow> windows, Instant until) {

    public Freeze {
        windows = List.copyOf(windows);
    }
}
