package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The cause behind one or more incidents. Raised NEW (on its own or from incidents), investigated, recorded as a
 * KNOWN_ERROR — with a root cause or a workaround, and what incidents it matches —, RESOLVED once its root cause is
 * known and removed (by the change named as its fix, if any), then CLOSED; closed at any point before as a duplicate
 * of another problem. Incidents are linked and unlinked until it is closed, each time on the incident's timeline.
 */
public final class Problem {

    /** The version of a problem not stored yet; the store counts from 1. */
    private static final int NEW = 0;
    private static final Set<ProblemState> BEFORE_RESOLUTION = EnumSet.of(ProblemState.NEW,
            ProblemState.UNDER_INVESTIGATION, ProblemState.KNOWN_ERROR);

    private final UUID id;
    private final String title;
    private final @Nullable String description;
    private final @Nullable String service;
    private final Step raised;
    private final int version;
    private ProblemState state;
    private @Nullable String rootCause;
    private @Nullable String workaround;
    private @Nullable KnownErrorMatch match;
    private @Nullable UUID fixChangeId;
    private @Nullable UUID duplicateOf;
    private @Nullable Step investigated;
    private @Nullable Step knownError;
    private @Nullable Step resolved;
    private @Nullable Step closed;
    private final Map<UUID, IncidentLink> incidents = new LinkedHashMap<>();
    private final List<ProblemEvent> events = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private Problem(UUID id, String title, @Nullable String description, @Nullable String service, Step raised,
            int version, ProblemState state, List<IncidentLink> incidents) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.service = service;
        this.raised = raised;
        this.version = version;
        this.state = state;
        incidents.forEach(link -> this.incidents.put(link.incidentId(), link));
    }

    /** Raises a problem, linked to the incidents it is raised from (each named once). */
    public static Problem raise(String title, @Nullable String description, @Nullable String service,
            List<UUID> incidentIds, String by, Instant at) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        var seen = new HashSet<UUID>();
        for (var incidentId : incidentIds) {
            if (!seen.add(incidentId)) {
                throw new IllegalArgumentException("incidentIds names incident " + incidentId + " twice");
            }
        }
        var problem = new Problem(UUID.randomUUID(), title.strip(), text(description), service, new Step(by, at), NEW,
                ProblemState.NEW, List.of());
        incidentIds.forEach(incidentId -> problem.linked(incidentId, by, at));
        problem.events.add(new ProblemRaised(problem.id, problem.title, service, by, at, List.copyOf(incidentIds)));
        return problem;
    }

    /** Rebuilds a stored problem (for repositories); registers nothing. */
    public static Problem restore(UUID id, String title, @Nullable String description, @Nullable String service,
            Step raised, int version, ProblemState state, @Nullable String rootCause, @Nullable String workaround,
            @Nullable KnownErrorMatch match, @Nullable UUID fixChangeId, @Nullable UUID duplicateOf,
            @Nullable Step investigated, @Nullable Step knownError, @Nullable Step resolved, @Nullable Step closed,
            List<IncidentLink> incidents) {
        var problem = new Problem(id, title, description, service, raised, version, state, incidents);
        problem.rootCause = rootCause;
        problem.workaround = workaround;
        problem.match = match;
        problem.fixChangeId = fixChangeId;
        problem.duplicateOf = duplicateOf;
        problem.investigated = investigated;
        problem.knownError = knownError;
        problem.resolved = resolved;
        problem.closed = closed;
        return problem;
    }

    /** NEW → UNDER_INVESTIGATION. */
    public void investigate(String by, Instant at) {
        require(EnumSet.of(ProblemState.NEW), "start its investigation");
        state = ProblemState.UNDER_INVESTIGATION;
        investigated = new Step(by, at);
    }

    /**
     * UNDER_INVESTIGATION → KNOWN_ERROR: a known error has a root cause or a workaround (a blank text is none), and
     * is suggested from now on to the incidents that open matching it.
     */
    public void recordKnownError(@Nullable String rootCause, @Nullable String workaround, KnownErrorMatch match,
            String by, Instant at) {
        require(EnumSet.of(ProblemState.UNDER_INVESTIGATION), "become a known error");
        var cause = text(rootCause);
        var around = text(workaround);
        if (cause == null && around == null) {
            throw RuleViolationException.unprocessable(
                    "a known error needs a root cause or a workaround: problem " + id + " is given neither");
        }
        state = ProblemState.KNOWN_ERROR;
        this.rootCause = cause;
        this.workaround = around;
        this.match = match;
        knownError = new Step(by, at);
        events.add(new KnownErrorRecorded(id, title, service, cause, around, match, by, at, incidentIds()));
    }

    /** Names (or names anew) the change request that fixes it, until it is resolved. */
    public void fixWith(UUID changeId) {
        require(BEFORE_RESOLUTION, "take a fix");
        fixChangeId = changeId;
    }

    /**
     * UNDER_INVESTIGATION or KNOWN_ERROR → RESOLVED: its root cause is removed, so it must be known — recorded
     * before, or given now (which replaces the one recorded). No longer suggested to incidents.
     */
    public void resolve(@Nullable String rootCause, String by, Instant at) {
        require(EnumSet.of(ProblemState.UNDER_INVESTIGATION, ProblemState.KNOWN_ERROR), "be resolved");
        var cause = text(rootCause);
        if (cause == null) {
            cause = this.rootCause;
        }
        if (cause == null) {
            throw RuleViolationException.unprocessable(
                    "a problem is resolved once its root cause is known: problem " + id + " has none recorded or given");
        }
        state = ProblemState.RESOLVED;
        this.rootCause = cause;
        resolved = new Step(by, at);
        events.add(new ProblemResolved(id, title, service, cause, fixChangeId, by, at, incidentIds()));
    }

    /** RESOLVED → CLOSED. */
    public void close(String by, Instant at) {
        require(EnumSet.of(ProblemState.RESOLVED),
                "close unless it is resolved (a problem not resolved closes only as a duplicate of another)");
        closed(null, by, at);
    }

    /**
     * Any state but CLOSED → CLOSED as a duplicate of {@code original}, which is another problem and not itself a
     * duplicate (so duplicates never form a chain or a cycle).
     */
    public void closeAsDuplicateOf(Problem original, String by, Instant at) {
        requireOpen("close");
        if (original.id.equals(id)) {
            throw RuleViolationException.unprocessable("problem " + id + " cannot be a duplicate of itself");
        }
        if (original.duplicateOf != null) {
            throw RuleViolationException.unprocessable("problem " + original.id + " is itself a duplicate of "
                    + original.duplicateOf + ": close " + id + " as a duplicate of that one");
        }
        closed(original.id, by, at);
    }

    private void closed(@Nullable UUID original, String by, Instant at) {
        state = ProblemState.CLOSED;
        duplicateOf = original;
        closed = new Step(by, at);
        events.add(new ProblemClosed(id, title, service, original, by, at));
    }

    /** Links an incident (once), until the problem is closed; the incident's timeline says so. */
    public void link(UUID incidentId, String by, Instant at) {
        requireOpen("link an incident");
        if (incidents.containsKey(incidentId)) {
            throw RuleViolationException.conflict("incident " + incidentId + " is already linked to problem " + id);
        }
        linked(incidentId, by, at);
    }

    /** Unlinks a linked incident, until the problem is closed; the incident's timeline says so. */
    public void unlink(UUID incidentId, String by, Instant at) {
        requireOpen("unlink an incident");
        if (incidents.remove(incidentId) == null) {
            throw RuleViolationException.conflict("incident " + incidentId + " is not linked to problem " + id);
        }
        timeline.add(new TimelineEntry(incidentId, at, TimelineEntry.Kind.PROBLEM, by,
                "unlinked from problem \"" + title + "\"", id));
    }

    private void linked(UUID incidentId, String by, Instant at) {
        incidents.put(incidentId, new IncidentLink(incidentId, at, by));
        timeline.add(new TimelineEntry(incidentId, at, TimelineEntry.Kind.PROBLEM, by,
                "linked to problem \"" + title + "\" (" + state + ")", id));
    }

    private void require(Set<ProblemState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw RuleViolationException.conflict("problem " + id + " is " + state + ": it cannot " + what);
        }
    }

    private void requireOpen(String what) {
        if (state == ProblemState.CLOSED) {
            throw RuleViolationException.conflict("problem " + id + " is CLOSED: it cannot " + what);
        }
    }

    /** A text as kept: stripped, and none when blank. */
    private static @Nullable String text(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The events registered since load, once: the repository publishes them when it saves the problem. */
    public List<ProblemEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** The lines for the incidents' timelines registered since load, once, for the store to append. */
    public List<TimelineEntry> pullTimeline() {
        var pulled = List.copyOf(timeline);
        timeline.clear();
        return pulled;
    }

    public List<UUID> incidentIds() {
        return List.copyOf(incidents.keySet());
    }

    public List<IncidentLink> incidents() {
        return List.copyOf(incidents.values());
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public @Nullable String description() {
        return description;
    }

    public @Nullable String service() {
        return service;
    }

    public Step raised() {
        return raised;
    }

    /** The stored version this instance was loaded at (optimistic locking); 0 when it was never stored. */
    public int version() {
        return version;
    }

    public ProblemState state() {
        return state;
    }

    public @Nullable String rootCause() {
        return rootCause;
    }

    public @Nullable String workaround() {
        return workaround;
    }

    public @Nullable KnownErrorMatch match() {
        return match;
    }

    public @Nullable UUID fixChangeId() {
        return fixChangeId;
    }

    public @Nullable UUID duplicateOf() {
        return duplicateOf;
    }

    public @Nullable Step investigated() {
        return investigated;
    }

    public @Nullable Step knownError() {
        return knownError;
    }

    public @Nullable Step resolved() {
        return resolved;
    }

    public @Nullable Step closed() {
        return closed;
    }
}
