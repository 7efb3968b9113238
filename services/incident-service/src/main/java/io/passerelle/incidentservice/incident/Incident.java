package io.passerelle.incidentservice.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.suspect.Decision;
import io.passerelle.incidentservice.suspect.Reattribution;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * An unplanned interruption of a service in an environment. It opens with its priority (impact × urgency) and its
 * suspect deployments, counts the repeated notifications of its alert while OPEN, and is RESOLVED once, which
 * measures its time to restore. While it is open its suspects are computed again when a deployment is reported late,
 * until a person confirms or dismisses one of them (ADR 0018).
 */
public final class Incident {

    /** {@code reportedBy} / {@code resolvedBy} of what monitoring does. */
    public static final String MONITORING = "monitoring";

    /** The actor of what attribution does on its own (computing the suspects again). */
    public static final String ATTRIBUTION = "passerelle:attribution";

    /** The version of an incident not stored yet; the store counts from 1. */
    private static final int NEW = 0;

    private final UUID id;
    private final String service;
    private final String environment;
    private final String title;
    private final @Nullable String description;
    private final Source source;
    private final Level impact;
    private final Level urgency;
    private final @Nullable String fingerprint;
    private final @Nullable String alertName;
    private final Instant startedAt;
    private final Instant openedAt;
    private final String reportedBy;
    private List<Suspect> suspects;
    private boolean suspectsChanged;
    private final int version;
    private State state;
    private int occurrences;
    private @Nullable Instant lastSeenAt;
    private @Nullable Instant resolvedAt;
    private @Nullable String resolvedBy;
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private Incident(UUID id, String service, String environment, String title, @Nullable String description,
            Source source, Level impact, Level urgency, @Nullable String fingerprint, @Nullable String alertName,
            Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects, int version, State state,
            int occurrences, @Nullable Instant lastSeenAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy) {
        this.id = id;
        this.service = service;
        this.environment = environment;
        this.title = title;
        this.description = description;
        this.source = source;
        this.impact = impact;
        this.urgency = urgency;
        this.fingerprint = fingerprint;
        this.alertName = alertName;
        this.startedAt = startedAt;
        this.openedAt = openedAt;
        this.reportedBy = reportedBy;
        this.suspects = List.copyOf(suspects);
        this.version = version;
        this.state = state;
        this.occurrences = occurrences;
        this.lastSeenAt = lastSeenAt;
        this.resolvedAt = resolvedAt;
        this.resolvedBy = resolvedBy;
    }

    /** Monitoring opens an incident for a firing alert; its severity gives impact and urgency. */
    public static Incident openFor(FiringAlert alert, List<Suspect> suspects, Instant openedAt, Instant notifiedAt) {
        var severity = Severity.ofLabel(alert.severity());
        var incident = new Incident(UUID.randomUUID(), alert.service(), alert.environment(), alert.title(), null,
                Source.MONITORING, severity.impact(), severity.urgency(), alert.fingerprint(), alert.alertName(),
                alert.startsAt(), openedAt, MONITORING, suspects, NEW, State.OPEN, 1, notifiedAt, null, null);
        incident.opened();
        return incident;
    }

    /** The service desk logs an incident; it cannot have started in the future. */
    public static Incident openFor(ServiceDeskReport report, String reportedBy, List<Suspect> suspects,
            Instant openedAt) {
        var startedAt = report.startedAtOr(openedAt);
        if (startedAt.isAfter(openedAt)) {
            throw RuleViolationException.unprocessable(
                    "an incident cannot start in the future: startedAt " + startedAt + " is after now " + openedAt);
        }
        var incident = new Incident(UUID.randomUUID(), report.service(), report.environment(), report.title(),
                report.description(), Source.SERVICE_DESK, report.impact(), report.urgency(), null, null, startedAt,
                openedAt, reportedBy, suspects, NEW, State.OPEN, 1, null, null, null);
        incident.opened();
        return incident;
    }

    /** Rebuilds a stored incident (for repositories); registers no event. */
    public static Incident restore(UUID id, String service, String environment, String title,
            @Nullable String description, Source source, Level impact, Level urgency, @Nullable String fingerprint,
            @Nullable String alertName, Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects,
            int version, State state, int occurrences, @Nullable Instant lastSeenAt, @Nullable Instant resolvedAt,
            @Nullable String resolvedBy) {
        return new Incident(id, service, environment, title, description, source, impact, urgency, fingerprint,
                alertName, startedAt, openedAt, reportedBy, suspects, version, state, occurrences, lastSeenAt,
                resolvedAt, resolvedBy);
    }

    private void opened() {
        if (fingerprint != null) {
            note(startedAt, Kind.ALERT, reportedBy, "alert " + alertName + " fired (fingerprint " + fingerprint + ")");
        }
        note(openedAt, Kind.OPENED, reportedBy, "opened as " + priority() + ": " + title);
        note(openedAt, Kind.SUSPECTS, reportedBy, Reattribution.summary(suspects));
        events.add(new IncidentOpened(id, service, environment, title, priority(), impact, urgency, source,
                fingerprint, reportedBy, startedAt, openedAt, suspects));
    }

    /** Monitoring notified the same firing alert again: one more occurrence of this incident, no new incident. */
    public void recordOccurrence(Instant notifiedAt) {
        if (state != State.OPEN) {
            throw RuleViolationException.conflict("incident " + id + " is " + state + ": it records no occurrence");
        }
        occurrences++;
        if (lastSeenAt == null || notifiedAt.isAfter(lastSeenAt)) {
            lastSeenAt = notifiedAt;
        }
        note(notifiedAt, Kind.ALERT, MONITORING, "alert notified again (occurrence " + occurrences + ")");
    }

    /** Service is restored at {@code at}; an incident is resolved once. */
    public void resolve(Instant at, String by) {
        if (state == State.RESOLVED) {
            throw RuleViolationException.conflict("incident " + id + " is already resolved (at " + resolvedAt + ")");
        }
        state = State.RESOLVED;
        resolvedAt = at;
        resolvedBy = by;
        note(at, Kind.STATE, by, MONITORING.equals(by) ? "resolved: the alert cleared" : "resolved");
        events.add(new IncidentResolved(id, service, environment, startedAt, at, by,
                timeToRestore(startedAt, at).toSeconds()));
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
        if (!open()) {
            throw RuleViolationException.conflict("incident " + id + " is " + state
                    + ": its suspects are no longer decided");
        }
        var decided = new ArrayList<>(suspects);
        decided.set(index, suspect.decided(decision));
        suspects = List.copyOf(decided);
        suspectsChanged = true;
        return suspect;
    }

    /** Whether its suspects may still be computed again: it is open and nobody decided about any of them. */
    public boolean suspectsMayChange() {
        return open() && !suspectsDecided();
    }

    /** Whether a person confirmed or dismissed any of its suspects (then they are never computed again). */
    public boolean suspectsDecided() {
        return suspects.stream().anyMatch(s -> s.decision() != null);
    }

    /** Whether the suspects changed since the incident was loaded (for the store to write them again). */
    public boolean suspectsChanged() {
        return suspectsChanged;
    }

    /** Open: its suspects may be decided, or computed again. (Contract 3: {@code State.isOpen()} with the lifecycle.) */
    private boolean open() {
        return state == State.OPEN;
    }

    /** resolvedAt − startedAt, never negative (clocks of monitoring and people disagree). */
    static Duration timeToRestore(Instant startedAt, Instant resolvedAt) {
        var ttr = Duration.between(startedAt, resolvedAt);
        return ttr.isNegative() ? Duration.ZERO : ttr;
    }

    public Optional<Duration> timeToRestore() {
        return resolvedAt == null ? Optional.empty() : Optional.of(timeToRestore(startedAt, resolvedAt));
    }

    /** The events registered since load, once: the repository publishes them when it saves the incident. */
    private void note(Instant at, Kind kind, String actor, String text) {
        timeline.add(TimelineEntry.of(id, at, kind, actor, text));
    }

    /** The timeline lines registered since the last pull, for the store to append with the incident. */
    public List<TimelineEntry> pullTimeline() {
        var pulled = List.copyOf(timeline);
        timeline.clear();
        return pulled;
    }

    public List<IncidentEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public Priority priority() {
        return Priority.of(impact, urgency);
    }

    public UUID id() {
        return id;
    }

    public String service() {
        return service;
    }

    public String environment() {
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
        return impact;
    }

    public Level urgency() {
        return urgency;
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

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable String resolvedBy() {
        return resolvedBy;
    }
}
