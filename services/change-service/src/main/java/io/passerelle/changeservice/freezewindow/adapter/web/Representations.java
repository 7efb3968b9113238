package io.passerelle.changeservice.freezewindow.adapter.web;

import static io.passerelle.platform.web.ApiTime.utc;
import static io.passerelle.platform.web.ApiTime.utcOrNull;

import java.time.Instant;
import java.util.List;

import io.passerelle.changeservice.api.model.Calendar;
import io.passerelle.changeservice.api.model.CalendarChange;
import io.passerelle.changeservice.api.model.FreezeOccurrence;
import io.passerelle.changeservice.api.model.FreezeScope;
import io.passerelle.changeservice.api.model.ScheduledFreeze;
import io.passerelle.changeservice.freezewindow.ChangeCalendar;
import io.passerelle.changeservice.freezewindow.FreezeWindow;
import io.passerelle.changeservice.freezewindow.Occurrence;
import io.passerelle.changeservice.freezewindow.Recurrence;
import org.jspecify.annotations.Nullable;

/** Maps freeze windows and the calendar to the generated models of the HTTP contract, at the edge. */
final class Representations {

    private Representations() {
    }

    static io.passerelle.changeservice.api.model.FreezeWindow window(FreezeWindow w, Instant now) {
        var first = w.schedule().first();
        return new io.passerelle.changeservice.api.model.FreezeWindow(w.id(), w.version(), w.name(), w.reason(),
                utc(first.start()), utc(first.end()), w.schedule().zone().getId(), scope(w.scope()), w.declaredBy(),
                utc(w.declaredAt()), w.isActiveAt(now))
                .recurrence(w.schedule().recurrence().map(Recurrence::toString).orElse(null))
                .endedBy(w.endedBy())
                .endedAt(utcOrNull(w.endedAt()));
    }

    static Calendar calendar(ChangeCalendar.View view, Instant now) {
        return new Calendar(utc(view.from()), utc(view.to()),
                view.freezes().stream().map(f -> new ScheduledFreeze(window(f.window(), now),
                        f.occurrences().stream().map(Representations::occurrence).toList())).toList(),
                view.changes().stream().map(Representations::change).toList());
    }

    static io.passerelle.changeservice.freezewindow.FreezeScope toDomain(@Nullable FreezeScope scope) {
        return scope == null ? io.passerelle.changeservice.freezewindow.FreezeScope.EVERYTHING
                : io.passerelle.changeservice.freezewindow.FreezeScope.of(orEmpty(scope.getServices()),
                        orEmpty(scope.getEnvironments()));
    }

    private static List<String> orEmpty(@Nullable List<String> names) {
        return names == null ? List.of() : names;
    }

    private static FreezeScope scope(io.passerelle.changeservice.freezewindow.FreezeScope scope) {
        return new FreezeScope().services(List.copyOf(scope.services()))
                .environments(List.copyOf(scope.environments()));
    }

    private static FreezeOccurrence occurrence(Occurrence o) {
        return new FreezeOccurrence(utc(o.start()), utc(o.end()));
    }

    private static CalendarChange change(io.passerelle.changeservice.freezewindow.CalendarChange c) {
        return new CalendarChange(c.id(), c.type(), c.state(), c.service(), c.environment(), c.title(),
                utc(c.authorizedAt())).closedAt(utcOrNull(c.closedAt()));
    }
}
