package io.passerelle.incidentservice.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.suspect.Decision;
import io.passerelle.incidentservice.suspect.Durations;
import io.passerelle.incidentservice.suspect.Reattribution;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * An unplanned interruption of a service in an environment, or of something monitoring could not attribute to one.
 * It opens NEW with its priority (impact × urgency) and its suspect deployments, is acknowledged, worked
 * (IN_PROGRESS, ON_HOLD with a reason), resolved (which measures its time to restore), reopened within the reopen
 * period, and closed. Every change is a line on its timeline; those other services need are events. An illegal
 * transition is a state conflict and changes nothing. While it is open and attributed its suspects are computed
 * again when a deployment is reported late, until a person confirms or dismisses one of them (ADR 0018).
 */
public final class Incident {

    /** {@code reportedBy} / {@code resolvedBy} of what monitoring does. */
    public static final String MONITORING = "monitoring";
    /** The actor of what Passerelle does by itself: closing a resolved incident once its reopen period is over. */
    public static final String PASSERELLE = "passerelle";
    /** The longest work note, in characters. */
    public static final int NOTE_MAX_LENGTH = 4000;
    /** The longest reason (to hold, reopen, change the priority), in characters. */
    public static final int REASON_MAX_LENGTH = 1000;

    /** The actor of what attribution does on its own (computing the suspects again). */
    public static final String ATTRIBUTION = "passerelle:attribution";

    /** The version of an incident not stored yet; the store counts from 1. */
    private static final int UNSTORED = 0;

    private final UUID id;
    private final @Nullable String service;
    private final @Nullable String environment;
    private final String title;
    private final @Nullable String description;
    private final Source source;
    private final @Nullable String fingerprint;
    private final @Nullable String alertName;
    private final Instant startedAt;
    private final Instant openedAt;
    private final String reportedBy;
    private List<Suspect> suspects;
    private boolean suspectsChanged;
    private final List<SuggestedKnownError> knownErrors;
    private final int version;
    private Rating rating;
    private State state;
    private int occurrences;
    private @Nullable Instant lastSeenAt;
    private @Nullable Stamp acknowledged;
    private Assignment assignment;
    private @Nullable String holdReason;
    private @Nullable Stamp resolved;
    private @Nullable Stamp closed;
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private Incident(UUID id, @Nullable String service, @Nullable String environment, String title,
            @Nullable String description, Source source, Rating rating, @Nullable String fingerprint,
            @Nullable String alertName, Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, int version, State state, int occurrences,
            @Nullable Instant lastSeenAt, @Nullable Stamp acknowledged, Assignment assignment,
            @Nullable String holdReason, @Nullable Stamp resolved, @Nullable Stamp closed) {
        this.id = id;
        this.service = service;
        this.environment = environment;
        this.title = title;
        this.description = description;
        this.source = source;
        this.rating = rating;
        this.fingerprint = fingerprint;
        this.alertName = alertName;
        this.startedAt = startedAt;
        this.openedAt = openedAt;
        this.reportedBy = reportedBy;
        this.suspects = List.copyOf(suspects);
        this.knownErrors = List.copyOf(knownErrors);
        this.version = version;
        this.state = state;
        this.occurrences = occurrences;
        this.lastSeenAt = lastSeenAt;
        this.acknowledged = acknowledged;
        this.assignment = assignment;
        this.holdReason = holdReason;
        this.resolved = resolved;
        this.closed = closed;
    }

    /**
     * Monitoring opens an incident for a firing alert, rated from its severity, with its suspects and the known errors
     * it matched. An unattributed alert opens an incident without service, environment or suspects.
     */
    public static Incident openFor(FiringAlert alert, Rating rating, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, Instant openedAt, Instant notifiedAt) {
        if (!alert.attributed() && !suspects.isEmpty()) {
            throw new IllegalArgumentException("an unattributed incident has no suspects");
        }
        var incident = new Incident(UUID.randomUUID(), alert.service(), alert.environment(), alert.title(), null,
                Source.MONITORING, rating, alert.fingerprint(), alert.alertName(), alert.startsAt(), openedAt,
                MONITORING, suspects, knownErrors, UNSTORED, State.NEW, 1, notifiedAt, null, Assignment.NOBODY, null,
                null, null);
        incident.opened();
        return incident;
    }

    /** The service desk logs an incident; it cannot have started in the future. */
    public static Incident openFor(ServiceDeskReport report, Rating rating, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, Instant openedAt) {
        var startedAt = report.startedAtOr(openedAt);
        if (startedAt.isAfter(openedAt)) {
            throw RuleViolationException.unprocessable(
                    "an incident cannot start in the future: startedAt " + startedAt + " is after now " + openedAt);
        }
        var incident = new Incident(UUID.randomUUID(), report.service(), report.environment(), report.title(),
                report.description(), Source.SERVICE_DESK, rating, null, null, startedAt, openedAt, reportedBy,
                suspects, knownErrors, UNSTORED, State.NEW, 1, null, null, Assignment.NOBODY, null, null, null);
        incident.opened();
        return incident;
    }

    /** Rebuilds a stored incident (for repositories); registers no event. */
    public static Incident restore(UUID id, @Nullable String service, @Nullable String environment, String title,
            @Nullable String description, Source source, Rating rating, @Nullable String fingerprint,
            @Nullable String alertName, Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, int version, State state, int occurrences,
            @Nullable Instant lastSeenAt, @Nullable Stamp acknowledged, Assignment assignment,
            @Nullable String holdReason, @Nullable Stamp resolved, @Nullable Stamp closed) {
        return new Incident(id, service, environment, title, description, source, rating, fingerprint, alertName,
                startedAt, openedAt, reportedBy, suspects, knownErrors, version, state, occurrences, lastSeenAt,
                acknowledged, assignment, holdReason, resolved, closed);
    }

    private void opened() {
        if (fingerprint != null) {
            note(startedAt, Kind.ALERT, reportedBy, "alert " + (alertName == null ? "" : alertName + " ")
                    + "fired (fingerprint " + fingerprint + ")");
        }
        note(openedAt, Kind.OPENED, reportedBy, "opened as " + rating.priority() + ": " + title);
        if (!attributed()) {
            note(openedAt, Kind.SUSPECTS, reportedBy, "unattributed: the alert's labels name no Passerelle service"
                    + " and environment, so no deployment is suspected");
        } else {
            note(openedAt, Kind.SUSPECTS, reportedBy, Reattribution.summary(suspects));
        }
        knownErrors.forEach(known -> timeline.add(new TimelineEntry(id, openedAt, Kind.PROBLEM, reportedBy,
                "known error suggested: \"" + known.title() + "\"" + (known.workaround() == null
                        ? " (no workaround recorded)" : "; workaround: " + known.workaround()), known.problemId())));
        events.add(new IncidentOpened(id, service, environment, attributed(), title, rating.priority(),
                rating.impact(), rating.urgency(), source, fingerprint, reportedBy, startedAt, openedAt, suspects,
                knownErrors.isEmpty() ? null : knownErrors));
    }

    /** Monitoring notified the same firing alert again: one more occurrence of this incident, no new incident. */
    public void recordOccurrence(Instant notifiedAt) {
        requireOpen("record an occurrence of its alert");
        occurrences++;
        if (lastSeenAt == null || notifiedAt.isAfter(lastSeenAt)) {
            lastSeenAt = notifiedAt;
        }
        note(notifiedAt, Kind.ALERT, MONITORING, "alert notified again (occurrence " + occurrences + ")");
    }

    /** Someone owns the incident now: NEW → ACKNOWLEDGED; measures the time to acknowledge. */
    public void acknowledge(Instant at, String by) {
        requireState("be acknowledged", State.NEW);
        state = State.ACKNOWLEDGED;
        acknowledged = new Stamp(at, by);
        var tta = nonNegative(Duration.between(openedAt, at));
        note(at, Kind.STATE, by, "acknowledged " + Durations.human(tta) + " after it opened");
        events.add(new IncidentAcknowledged(id, service, environment, attributed(), rating.priority(), openedAt, at, by,
                tta.toSeconds()));
    }

    /** Work begins: ACKNOWLEDGED → IN_PROGRESS. */
    public void start(Instant at, String by) {
        requireState("be started (acknowledge it first)", State.ACKNOWLEDGED);
        state = State.IN_PROGRESS;
        note(at, Kind.STATE, by, "work started");
    }

    /** Work waits on something outside, which the reason names: IN_PROGRESS → ON_HOLD. */
    public void hold(Instant at, String by, String reason) {
        requireState("be put on hold", State.IN_PROGRESS);
        var why = reason("put on hold", reason);
        state = State.ON_HOLD;
        holdReason = why;
        note(at, Kind.STATE, by, "on hold: " + why);
    }

    /** Work goes on: ON_HOLD → IN_PROGRESS. */
    public void resume(Instant at, String by) {
        requireState("be resumed", State.ON_HOLD);
        state = State.IN_PROGRESS;
        holdReason = null;
        note(at, Kind.STATE, by, "resumed");
    }

    /** Service is restored at {@code at}: any open state → RESOLVED; measures the time to restore. */
    public void resolve(Instant at, String by) {
        if (state == State.RESOLVED) {
            throw RuleViolationException.conflict("incident " + id + " is RESOLVED: it cannot be resolved again (it was"
                    + " at " + resolvedAt() + ")");
        }
        requireOpen("be resolved");
        state = State.RESOLVED;
        holdReason = null;
        resolved = new Stamp(at, by);
        note(at, Kind.STATE, by, MONITORING.equals(by) ? "resolved: the alert cleared" : "resolved");
        events.add(new IncidentResolved(id, service, environment, attributed(), startedAt, at, by,
                timeToRestore(startedAt, at).toSeconds()));
    }

    /**
     * The service is not restored after all: RESOLVED → IN_PROGRESS, allowed until {@code reopenWithin} after the
     * resolution. The resolution is forgotten (the timeline keeps it); the next one measures the time to restore
     * again, from the start.
     */
    public void reopen(Instant at, String by, String reason, Duration reopenWithin) {
        requireState("be reopened", State.RESOLVED);
        var why = reason("reopened", reason);
        var resolution = Objects.requireNonNull(resolved);
        var until = resolution.at().plus(reopenWithin);
        if (at.isAfter(until)) {
            throw RuleViolationException.conflict("incident " + id + " was resolved at " + resolution.at()
                    + "; it could be reopened until " + until + " (reopen period " + reopenWithin
                    + "): open a new incident instead");
        }
        state = State.IN_PROGRESS;
        resolved = null;
        note(at, Kind.STATE, by, "reopened: " + why);
        events.add(new IncidentReopened(id, service, environment, attributed(), rating.priority(), resolution.at(), at,
                by, why));
    }

    /** The record is complete: RESOLVED → CLOSED, final. */
    public void close(Instant at, String by) {
        requireState("be closed (resolve it first)", State.RESOLVED);
        state = State.CLOSED;
        closed = new Stamp(at, by);
        note(at, Kind.STATE, by, PASSERELLE.equals(by) ? "closed: its reopen period is over" : "closed");
    }

    /** Hands the incident to a person, a group, both, or nobody; the same assignment again changes nothing. */
    public void assign(Assignment to, Instant at, String by) {
        requireNotClosed("be assigned");
        if (to.equals(assignment)) {
            return;
        }
        assignment = to;
        note(at, Kind.ASSIGNMENT, by, to.equals(Assignment.NOBODY) ? "unassigned" : "assigned to " + to);
    }

    /** A work note, on the timeline as written. */
    public TimelineEntry addNote(String text, Instant at, String by) {
        requireNotClosed("take notes");
        if (text.isBlank()) {
            throw RuleViolationException.unprocessable("a work note needs some text");
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw RuleViolationException.unprocessable("a work note holds at most " + NOTE_MAX_LENGTH
                    + " characters; this one has " + text.length());
        }
        return note(at, Kind.NOTE, by, text.strip());
    }

    /** Impact and urgency change while the incident is open, and with them its priority; the same again is nothing. */
    public void reprioritize(Rating to, String reason, Instant at, String by) {
        requireOpen("change its priority");
        var why = reason("reprioritized", reason);
        if (to.equals(rating)) {
            return;
        }
        var from = rating;
        rating = to;
        note(at, Kind.PRIORITY, by, "priority " + from.priority() + " → " + to.priority() + " (impact " + from.impact()
                + " → " + to.impact() + ", urgency " + from.urgency() + " → " + to.urgency() + "): " + why);
    }

    private void requireState(String action, State... allowed) {
        if (!Arrays.asList(allowed).contains(state)) {
            throw RuleViolationException.conflict("incident " + id + " is " + state + ": it cannot " + action);
        }
    }

    private void requireOpen(String action) {
        if (!state.isOpen()) {
            throw RuleViolationException.conflict("incident " + id + " is " + state + ": it cannot " + action);
        }
    }

    private void requireNotClosed(String action) {
        if (state == State.CLOSED) {
            throw RuleViolationException.conflict("incident " + id + " is CLOSED: it cannot " + action);
        }
    }

    private static String reason(String what, String reason) {
        if (reason.isBlank()) {
            throw RuleViolationException.unprocessable("say why the incident is " + what + ": the reason is blank");
        }
        if (reason.length() > REASON_MAX_LENGTH) {
            throw RuleViolationException.unprocessable("a reason holds at most " + REASON_MAX_LENGTH
                    + " characters; this one has " + reason.length());
        }
        return reason.strip();
    }

    /**
     * Attribution computed the suspects again because {@code deployment} was reported after the incident opened: the
     * new ranking replaces the old one, and the timeline says what changed — only while the incident is open and
     * nobody decided about any of its suspects, and only when something changed (false otherwise).
     */
    public boolean reattribute(List<Suspect> recomputed, Instant at, UUID deployment) {
        if (!suspectsMayChange() || !Reattribution.changes(suspects, recomputed)) {
            return false;
        }
        var before = suspects;
        suspects = List.copyOf(recomputed);
        suspectsChanged = true;
        timeline.add(new TimelineEntry(id, at, Kind.SUSPECTS, ATTRIBUTION, Reattribution.describe(before, suspects),
                deployment));
        return true;
    }

    /**
     * A person confirms that the suspect {@code deploymentId} caused this incident (one of several may be): the
     * suspect records the decision, the timeline says so and {@link IncidentCauseConfirmed} is registered. A
     * deployment that is not a suspect is not found; deciding twice about a suspect, or about one of an incident no
     * longer open, is a conflict.
     */
    public void confirmCause(UUID deploymentId, String by, Instant at, String reason) {
        var suspect = decide(deploymentId, new Decision(Decision.Verdict.CONFIRMED, by, at, reason));
        timeline.add(new TimelineEntry(id, at, Kind.SUSPECT_DECISION, by, "confirmed as a cause: " + service + " "
                + Reattribution.name(suspect) + ", suspect " + suspect.rank() + ": " + reason, deploymentId));
        events.add(new IncidentCauseConfirmed(id, deploymentId, suspect.changeId(), service, environment,
                suspect.version(), suspect.commitSha(), priority(), startedAt, by, at, reason));
    }

    /** A person dismisses the suspect {@code deploymentId}: it stays listed with the decision. Refused as confirming. */
    public void dismissCause(UUID deploymentId, String by, Instant at, String reason) {
        var suspect = decide(deploymentId, new Decision(Decision.Verdict.DISMISSED, by, at, reason));
        timeline.add(new TimelineEntry(id, at, Kind.SUSPECT_DECISION, by, "dismissed as a cause: " + service + " "
                + Reattribution.name(suspect) + ", suspect " + suspect.rank() + ": " + reason, deploymentId));
        events.add(new IncidentCauseDismissed(id, deploymentId, suspect.changeId(), service, environment, by, at,
                reason));
    }

    private Suspect decide(UUID deploymentId, Decision decision) {
        if (decision.reason().isBlank()) {
            throw new IllegalArgumentException("a decision about a suspect needs a reason");
        }
        int index = -1;
        for (int i = 0; i < suspects.size(); i++) {
            if (suspects.get(i).deploymentId().equals(deploymentId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("suspect deployment", deploymentId + " of incident " + id);
        }
        var suspect = suspects.get(index);
        if (suspect.decision() != null) {
            throw RuleViolationException.conflict("deployment " + deploymentId + " was already "
                    + suspect.decision().verdict().name().toLowerCase(java.util.Locale.ROOT) + " by "
                    + suspect.decision().by() + " at " + suspect.decision().at());
        }
        if (!state.isOpen()) {
            throw RuleViolationException.conflict("incident " + id + " is " + state
                    + ": its suspects are no longer decided");
        }
        var decided = new ArrayList<>(suspects);
        decided.set(index, suspect.decided(decision));
        suspects = List.copyOf(decided);
        suspectsChanged = true;
        return suspect;
    }

    /**
     * Whether its suspects may still be computed again: it is attributed (an unattributed incident has no suspects to
     * compute), open, and nobody decided about any of them.
     */
    public boolean suspectsMayChange() {
        return attributed() && state.isOpen() && !suspectsDecided();
    }

    /** Whether a person confirmed or dismissed any of its suspects (then they are never computed again). */
    public boolean suspectsDecided() {
        return suspects.stream().anyMatch(s -> s.decision() != null);
    }

    /** Whether the suspects changed since the incident was loaded (for the store to write them again). */
    public boolean suspectsChanged() {
        return suspectsChanged;
    }

    /** resolvedAt − startedAt, never negative (clocks of monitoring and people disagree). */
    static Duration timeToRestore(Instant startedAt, Instant resolvedAt) {
        return nonNegative(Duration.between(startedAt, resolvedAt));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** From the start to the resolution, while resolved or closed. */
    public Optional<Duration> timeToRestore() {
        return resolved == null ? Optional.empty() : Optional.of(timeToRestore(startedAt, resolved.at()));
    }

    /** From the opening to the acknowledgement, once acknowledged. */
    public Optional<Duration> timeToAcknowledge() {
        return acknowledged == null ? Optional.empty()
                : Optional.of(nonNegative(Duration.between(openedAt, acknowledged.at())));
    }

    private TimelineEntry note(Instant at, Kind kind, String actor, String text) {
        var entry = TimelineEntry.of(id, at, kind, actor, text);
        timeline.add(entry);
        return entry;
    }

    /** The timeline lines registered since the last pull, for the store to append with the incident. */
    public List<TimelineEntry> pullTimeline() {
        var pulled = List.copyOf(timeline);
        timeline.clear();
        return pulled;
    }

    /** The events registered since load, once: the repository publishes them when it saves the incident. */
    public List<IncidentEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** Whether monitoring (or the service desk) named the service and environment; false for unattributed alerts. */
    public boolean attributed() {
        return service != null;
    }

    public Rating rating() {
        return rating;
    }

    public Priority priority() {
        return rating.priority();
    }

    public UUID id() {
        return id;
    }

    public @Nullable String service() {
        return service;
    }

    public @Nullable String environment() {
        return environment;
    }

    public String title() {
        return title;
    }

    public @Nullable String description() {
        return description;
    }

    public Source source() {
        return source;
    }

    public Level impact() {
        return rating.impact();
    }

    public Level urgency() {
        return rating.urgency();
    }

    public @Nullable String fingerprint() {
        return fingerprint;
    }

    public @Nullable String alertName() {
        return alertName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public List<Suspect> suspects() {
        return suspects;
    }

    /** The known errors it matched when it opened, most specific first, as they read then. */
    public List<SuggestedKnownError> knownErrors() {
        return knownErrors;
    }

    /** The stored version this instance was loaded at (optimistic locking); 0 when it was never stored. */
    public int version() {
        return version;
    }

    public State state() {
        return state;
    }

    public int occurrences() {
        return occurrences;
    }

    public @Nullable Instant lastSeenAt() {
        return lastSeenAt;
    }

    public @Nullable Stamp acknowledged() {
        return acknowledged;
    }

    public Assignment assignment() {
        return assignment;
    }

    /** Why it waits, while ON_HOLD. */
    public @Nullable String holdReason() {
        return holdReason;
    }

    public @Nullable Stamp resolved() {
        return resolved;
    }

    public @Nullable Instant resolvedAt() {
        return resolved == null ? null : resolved.at();
    }

    public @Nullable String resolvedBy() {
        return resolved == null ? null : resolved.by();
    }

    public @Nullable Stamp closed() {
        return closed;
    }
}
