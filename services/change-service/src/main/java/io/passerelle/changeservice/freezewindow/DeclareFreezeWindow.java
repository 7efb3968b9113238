package io.passerelle.changeservice.freezewindow;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import io.passerelle.platform.domain.RuleViolationException;

/**
 * A change manager declares a freeze window. Refused (422), writing nothing: a service or an environment the catalog
 * does not know (a freeze on a typo would freeze nothing), a window over before it is declared, and a window that
 * overlaps another one: their scopes intersect and, from now on, some instant is covered by an occurrence of each.
 * Overlap is looked for over {@link #CHECKED_AHEAD} from now or from the new window's start, whichever is later.
 */
public class DeclareFreezeWindow {

    /** Four years and a day: every yearly rule, leap days included, meets every other at least once in that time. */
    public static final Duration CHECKED_AHEAD = Duration.ofDays(4 * 365 + 2);

    private final FreezeWindows windows;
    private final CatalogNames catalog;
    private final Clock clock;

    public DeclareFreezeWindow(FreezeWindows windows, CatalogNames catalog, Clock clock) {
        this.windows = windows;
        this.catalog = catalog;
        this.clock = clock;
    }

    public FreezeWindow declare(String name, String reason, FreezeSchedule schedule, FreezeScope scope, String by) {
        catalog.requireKnown(scope.services(), scope.environments());
        var now = clock.instant();
        var window = FreezeWindow.declare(UUID.randomUUID(), name, reason, schedule, scope, by, now);
        var from = schedule.first().start().isAfter(now) ? schedule.first().start() : now;
        for (var other : windows.lockForDeclaration(now)) {
            window.firstOverlap(other, now, from.plus(CHECKED_AHEAD)).ifPresent(at -> {
                throw RuleViolationException.unprocessable("Freeze window '" + name + "' overlaps freeze window '"
                        + other.name() + "' (" + other.id() + ", " + other.scope() + "): both cover " + at
                        + " for some service in some environment; end that one or declare a window that does not"
                        + " overlap it");
            });
        }
        windows.save(window);
        return windows.find(window.id()).orElseThrow();
    }
}
