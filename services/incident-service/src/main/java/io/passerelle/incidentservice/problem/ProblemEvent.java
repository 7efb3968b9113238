package io.passerelle.incidentservice.problem;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/** What happened to a problem, in the past tense. */
public sealed interface ProblemEvent extends DomainEvent
        permits ProblemRaised, KnownErrorRecorded, ProblemResolved, ProblemClosed {

    UUID problemId();

    @Override
    default String subject() {
        return problemId().toString();
    }
}
