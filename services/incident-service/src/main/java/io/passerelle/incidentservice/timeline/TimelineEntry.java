package io.passerelle.incidentservice.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of an incident's timeline: when, what kind, who (a user name, {@code monitoring}, or the service that
 * told us), what in words, and what it refers to (a deployment, a change, a problem), if anything.
 */
public record TimelineEntry(UUID incidentId, Instant at, Kind kind, String actor, String text, @Nullable UUID ref) {

    /** What a timeline line is about. */
    public enum Kind {
        /** The incident opened (with its priority and title). */
        OPENED,
        /** Its state changed (acknowledged, in progress, on hold, resolved, closed, reopened). */
        STATE,
        /** A work note. */
        NOTE,
        /** It was assigned to a person or a group. */
        ASSIGNMENT,
        /** Its priority changed. */
        PRIORITY,
        /** Monitoring notified its alert again, or the alert cleared. */
        ALERT,
        /** Its suspect deployments were computed, or computed again. */
        SUSPECTS,
        /** A suspect deployment was confirmed as the cause, or dismissed. */
        SUSPECT_DECISION,
        /** A known error was suggested, or a problem linked. */
        PROBLEM,
        /** A change linked to it (an emergency change proposed, authorized, rejected). */
        CHANGE,
        /** A deployment linked to it (a rollback planned, succeeded, failed, or refused). */
        DEPLOYMENT
    }

    public TimelineEntry {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
    }

    public static TimelineEntry of(UUID incidentId, Instant at, Kind kind, String actor, String text) {
        return new TimelineEntry(incidentId, at, kind, actor, text, null);
    }
}
