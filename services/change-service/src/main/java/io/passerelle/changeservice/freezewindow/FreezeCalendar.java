package io.passerelle.changeservice.freezewindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.freezewindow.port.FreezeWindows;

/**
 * What the freeze windows say about time: whether a service in an environment is frozen at an instant and until when,
 * and which occurrences of which windows fall in a range. A window ended early covers nothing from the moment it was
 * ended.
 */
public class FreezeCalendar {

    /** How far ahead a freeze is followed to its end; a longer one is reported as lasting until then. */
    public static final Duration LOOK_AHEAD = Duration.ofDays(2 * 366);

    private final FreezeWindows windows;

    public FreezeCalendar(FreezeWindows windows) {
        this.windows = windows;
    }

    /**
     * Whether a freeze window covers the service in the environment at that instant: if so, the windows that cover
     * it and the instant the change may proceed (the first that no window in scope covers); empty otherwise.
     */
    public Optional<Freeze> freezeAt(String service, String environment, Instant at) {
        var horizon = at.plus(LOOK_AHEAD);
        var covering = new ArrayList<FreezeWindow>();
        var occurrences = new ArrayList<Occurrence>();
        for (var window : windows.inScope(service, environment, at)) {
            var own = window.occurrences(at, horizon);
            if (own.stream().anyMatch(o -> o.covers(at))) {
                covering.add(window);
            }
            occurrences.addAll(own);
        }
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        occurrences.sort(null);
        var until = at;
        for (var occurrence : occurrences) {
            if (occurrence.start().isAfter(until)) {
                break;
            }
            if (occurrence.end().isAfter(until)) {
                until = occurrence.end();
            }
        }
        return Optional.of(new Freeze(covering, until.isAfter(horizon) ? horizon : until));
    }

    /** Every window with an occurrence that covers some instant of [from, to), and those occurrences. */
    public List<ScheduledFreeze> between(Instant from, Instant to) {
        var scheduled = new ArrayList<ScheduledFreeze>();
        for (var window : windows.all()) {
            var occurrences = window.occurrences(from, to);
            if (!occurrences.isEmpty()) {
                scheduled.add(new ScheduledFreeze(window, occurrences));
            }
        }
        return scheduled;
    }
}
