package io.passerelle.changeservice.change;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a change has gone through after it was raised, each milestone null until reached: its authorization, its
 * implementation and outcome, its post-implementation review, and when it closed (closed or cancelled).
 */
public record Milestones(@Nullable Instant authorizedAt, @Nullable String authorizedBy,
        @Nullable Instant implementationStartedAt, @Nullable Instant implementationEndedAt,
        @Nullable ChangeOutcome outcome, @Nullable String failureReason, @Nullable Review review,
        @Nullable Instant closedAt) {

    /** A change just raised. */
    public static final Milestones NONE = new Milestones(null, null, null, null, null, null, null, null);

    Milestones authorized(String by, Instant at) {
        return new Milestones(at, by, implementationStartedAt, implementationEndedAt, outcome, failureReason, review,
                closedAt);
    }

    Milestones started(Instant at) {
        return new Milestones(authorizedAt, authorizedBy, at, implementationEndedAt, outcome, failureReason, review,
                closedAt);
    }

    Milestones ended(ChangeOutcome how, @Nullable String reason, Instant at) {
        return new Milestones(authorizedAt, authorizedBy, implementationStartedAt, at, how, reason, review, closedAt);
    }

    Milestones reviewed(Review written) {
        return new Milestones(authorizedAt, authorizedBy, implementationStartedAt, implementationEndedAt, outcome,
                failureReason, written, closedAt);
    }

    Milestones closed(Instant at) {
        return new Milestones(authorizedAt, authorizedBy, implementationStartedAt, implementationEndedAt, outcome,
                failureReason, review, at);
    }

    /** The post-implementation review of a change whose implementation did not succeed. */
    public record Review(String by, String text, Instant at) {
    }
}
