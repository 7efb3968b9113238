package io.passerelle.incidentservice.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * An unplanned interruption of a service in an environment. It opens with its priority (impact × urgency) and its
 * suspect deployments, counts the repeated notifications of its alert while OPEN, and is RESOLVED once, which
 * measures its time to restore.
 */
public final class Incident {

    /** {@code reportedBy} / {@code resolvedBy} of what monitoring does. */
    public static final String MONITORING = "monitoring";

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
    private final List<Suspect> suspects;
    private final List<SuggestedKnownError> knownErrors;
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
            Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, int version, State state, int occurrences,
            @Nullable Instant lastSeenAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy) {
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
        this.knownErrors = List.copyOf(knownErrors);
        this.version = version;
        this.state = state;
        this.occurrences = occurrences;
        this.lastSeenAt = lastSeenAt;
        this.resolvedAt = resolvedAt;
        this.resolvedBy = resolvedBy;
    }

    /**
     * Monitoring opens an incident for a firing alert; its severity gives impact and urgency. It opens with its
     * suspects and the known errors it matched.
     */
    public static Incident openFor(FiringAlert alert, List<Suspect> suspects, List<SuggestedKnownError> knownErrors,
            Instant openedAt, Instant notifiedAt) {
        var severity = Severity.ofLabel(alert.severity());
        var incident = new Incident(UUID.randomUUID(), alert.service(), alert.environment(), alert.title(), null,
                Source.MONITORING, severity.impact(), severity.urgency(), alert.fingerprint(), alert.alertName(),
                alert.startsAt(), openedAt, MONITORING, suspects, knownErrors, NEW, State.OPEN, 1, notifiedAt, null,
                null);
        incident.opened();
        return incident;
    }

    /** The service desk logs an incident; it cannot have started in the future. */
    public static Incident openFor(ServiceDeskReport report, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, Instant openedAt) {
        var startedAt = report.startedAtOr(openedAt);
        if (startedAt.isAfter(openedAt)) {
            throw RuleViolationException.unprocessable(
                    "an incident cannot start in the future: startedAt " + startedAt + " is after now " + openedAt);
        }
        var incident = new Incident(UUID.randomUUID(), report.service(), report.environment(), report.title(),
                report.description(), Source.SERVICE_DESK, report.impact(), report.urgency(), null, null, startedAt,
                openedAt, reportedBy, suspects, knownErrors, NEW, State.OPEN, 1, null, null, null);
        incident.opened();
        return incident;
    }

    /** Rebuilds a stored incident (for repositories); registers no event. */
    public static Incident restore(UUID id, String service, String environment, String title,
            @Nullable String description, Source source, Level impact, Level urgency, @Nullable String fingerprint,
            @Nullable String alertName, Instant startedAt, Instant openedAt, String reportedBy, List<Suspect> suspects,
            List<SuggestedKnownError> knownErrors, int version, State state, int occurrences,
            @Nullable Instant lastSeenAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy) {
        return new Incident(id, service, environment, title, description, source, impact, urgency, fingerprint,
                alertName, startedAt, openedAt, reportedBy, suspects, knownErrors, version, state, occurrences,
                lastSeenAt, resolvedAt, resolvedBy);
    }

    private void opened() {
        if (fingerprint != null) {
            note(startedAt, Kind.ALERT, reportedBy, "alert " + alertName + " fired (fingerprint " + fingerprint + ")");
        }
        note(openedAt, Kind.OPENED, reportedBy, "opened as " + priority() + ": " + title);
        note(openedAt, Kind.SUSPECTS, reportedBy, suspects.isEmpty() ? "no deployment is suspected"
                : suspects.size() + (suspects.size() == 1 ? " deployment is" : " deployments are")
                        + " suspected; the most likely: " + suspects.getFirst().reason());
        knownErrors.forEach(known -> timeline.add(new TimelineEntry(id, openedAt, Kind.PROBLEM, reportedBy,
                "known error suggested: \"" + known.title() + "\"" + (known.workaround() == null
                        ? " (no workaround recorded)" : "; workaround: " + known.workaround()), known.problemId())));
        events.add(new IncidentOpened(id, service, environment, title, priority(), impact, urgency, source,
                fingerprint, reportedBy, startedAt, openedAt, suspects, knownErrors.isEmpty() ? null : knownErrors));
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

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable String resolvedBy() {
        return resolvedBy;
    }
}
