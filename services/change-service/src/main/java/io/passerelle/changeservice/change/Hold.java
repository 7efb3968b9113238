package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What keeps an authorized change from being implemented: the freeze windows covering its service and environment,
 * and {@code until}, the first instant none covers, when it may proceed (or be held again by a window declared
 * meanwhile).
 */
public record Hold(List<UUID> windowIds, List<String> windowNames, Instant until) {

    public Hold {
        windowIds = List.copyOf(windowIds);
        windowNames = List.copyOf(windowNames);
        Objects.requireNonNull(until, "until");
        if (windowIds.isEmpty() || windowIds.size() != windowNames.size()) {
            throw new IllegalArgumentException("a hold names the windows that hold, each once");
        }
    }

    /** {@code freeze window 'Year end'} or {@code freeze windows 'A', 'B'}, as audit lines and events say it. */
    public String windows() {
        return (windowNames.size() == 1 ? "freeze window " : "freeze windows ")
                + String.join(", ", windowNames.stream().map(name -> "'" + name + "'").toList());
    }
}
