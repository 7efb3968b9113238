package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A freeze (blackout) window: while one of its occurrences covers a service in an environment, changes to it wait. A
 * window is never deleted: a change manager may end it early, and from then on it covers nothing. It owns both
 * transitions and registers each as a {@link FreezeWindowEvent}.
 */
public final class FreezeWindow {

    public static final int MAX_NAME = 200;
    public static final int MAX_REASON = 2000;

    private final UUID id;
    private final String name;
    private final String reason;
    private final FreezeSchedule schedule;
    private final FreezeScope scope;
    private final String declaredBy;
    private final Instant declaredAt;
    /** The version read from the store, 0 for a window not saved yet (optimistic locking). */
    private final int version;
    private final List<FreezeWindowEvent> events = new ArrayList<>();
    private @Nullable String endedBy;
    private @Nullable Instant endedAt;

    private FreezeWindow(UUID id, String name, String reason, FreezeSchedule schedule, FreezeScope scope,
            String declaredBy, Instant declaredAt, @Nullable String endedBy, @Nullable Instant endedAt, int version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = text("name", name, MAX_NAME);
        this.reason = text("reason", reason, MAX_REASON);
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.declaredBy = Objects.requireNonNull(declaredBy, "declaredBy");
        this.declaredAt = Objects.requireNonNull(declaredAt, "declaredAt");
        this.endedBy = endedBy;
        this.endedAt = endedAt;
        this.version = version;
    }

    /** Declares a window; refused (422) when none of its occurrences ends after the moment it is declared. */
    public static FreezeWindow declare(UUID id, String name, String reason, FreezeSchedule schedule, FreezeScope scope,
            String by, Instant at) {
        var window = new FreezeWindow(id, name, reason, schedule, scope, by, at, null, null, 0);
        if (!schedule.endsAfter(at)) {
            throw RuleViolationException.unprocessable("Freeze window '" + name + "' would be over before it is"
                    + " declared: its last occurrence ends before now");
        }
        var first = schedule.first();
        window.events.add(new FreezeWindowDeclared(id, window.name, window.reason, first.start(), first.end(),
                schedule.zone().getId(), schedule.recurrence().map(Recurrence::toString).orElse(null),
                List.copyOf(scope.services()), List.copyOf(scope.environments()), by, at));
        return window;
    }

    /** Rebuilds a window from the store; registers no events. */
    public static FreezeWindow restore(UUID id, String name, String reason, FreezeSchedule schedule, FreezeScope scope,
            String declaredBy, Instant declaredAt, @Nullable String endedBy, @Nullable Instant endedAt, int version) {
        return new FreezeWindow(id, name, reason, schedule, scope, declaredBy, declaredAt, endedBy, endedAt, version);
    }

    /**
     * Ends the window now: it covers nothing from this instant on. Refused (409) when it was ended already or is over
     * (none of its occurrences ends after now).
     */
    public void end(String by, Instant at) {
        if (endedAt != null) {
            throw RuleViolationException.conflict("Freeze window " + id + " was ended already, by " + endedBy + " at "
                    + endedAt);
        }
        if (!schedule.endsAfter(at)) {
            throw RuleViolationException.conflict("Freeze window " + id + " is over: its last occurrence has ended");
        }
        endedBy = by;
        endedAt = at;
        events.add(new FreezeWindowEnded(id, name, List.copyOf(scope.services()), List.copyOf(scope.environments()),
                by, at));
    }

    /**
     * The occurrences that cover some instant of [from, to), in order, as the window applies them: one that was under
     * way when the window was ended stops then, and none starts after.
     */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        var occurrences = schedule.occurrences(from, endedAt == null || endedAt.isAfter(to) ? to : endedAt);
        if (endedAt == null) {
            return occurrences;
        }
        var stop = endedAt;
        return occurrences.stream().filter(o -> o.start().isBefore(stop))
                .map(o -> o.end().isAfter(stop) ? new Occurrence(o.start(), stop) : o).toList();
    }

    /** Whether the window will still cover some instant after this one: neither ended nor over. */
    public boolean isActiveAt(Instant at) {
        return endedAt == null && schedule.endsAfter(at);
    }

    /**
     * The first instant from {@code from} on that both windows cover for some service in some environment, looking
     * as far as {@code to}: two windows overlap when their scopes intersect and an occurrence of each covers that
     * instant (one that ends when the other starts does not overlap it).
     */
    public Optional<Instant> firstOverlap(FreezeWindow other, Instant from, Instant to) {
        if (!scope.intersects(other.scope)) {
            return Optional.empty();
        }
        var mine = occurrences(from, to);
        var theirs = other.occurrences(from, to);
        int i = 0;
        int j = 0;
        while (i < mine.size() && j < theirs.size()) {
            var a = mine.get(i);
            var b = theirs.get(j);
            if (a.overlaps(b)) {
                var shared = a.start().isAfter(b.start()) ? a.start() : b.start();
                return Optional.of(shared.isBefore(from) ? from : shared);
            }
            if (a.end().isAfter(b.end())) {
                j++;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** The events registered since the window was declared or restored, handed over once (to be published). */
    public List<FreezeWindowEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String reason() {
        return reason;
    }

    public FreezeSchedule schedule() {
        return schedule;
    }

    public FreezeScope scope() {
        return scope;
    }

    public String declaredBy() {
        return declaredBy;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public @Nullable String endedBy() {
        return endedBy;
    }

    public @Nullable Instant endedAt() {
        return endedAt;
    }

    public int version() {
        return version;
    }

    private static String text(String what, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must hold 1 to " + max + " characters, not only spaces");
        }
        return value;
    }
}
