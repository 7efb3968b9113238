package io.passerelle.incidentservice.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.problem.port.Problems;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/** Takes a problem through its lifecycle, and links and unlinks its incidents. */
public final class ProgressProblem {

    private final Problems problems;
    private final ExistingIncidents incidents;
    private final Clock clock;

    public ProgressProblem(Problems problems, Incidents incidents, Clock clock) {
        this.problems = problems;
        this.incidents = new ExistingIncidents(incidents);
        this.clock = clock;
    }

    public Problem investigate(UUID id, String by) {
        return apply(id, (problem, now) -> problem.investigate(by, now));
    }

    public Problem recordKnownError(UUID id, @Nullable String rootCause, @Nullable String workaround,
            KnownErrorMatch match, String by) {
        return apply(id, (problem, now) -> problem.recordKnownError(rootCause, workaround, match, by, now));
    }

    public Problem fixWith(UUID id, UUID changeId) {
        return apply(id, (problem, now) -> problem.fixWith(changeId));
    }

    public Problem resolve(UUID id, @Nullable String rootCause, String by) {
        return apply(id, (problem, now) -> problem.resolve(rootCause, by, now));
    }

    /** Closes it once resolved, or as a duplicate of {@code duplicateOf}, which must exist. */
    public Problem close(UUID id, @Nullable UUID duplicateOf, String by) {
        if (duplicateOf == null) {
            return apply(id, (problem, now) -> problem.close(by, now));
        }
        var problem = find(id);
        var original = find(duplicateOf);
        problem.closeAsDuplicateOf(original, by, clock.instant());
        problems.save(problem);
        return problem;
    }

    public Problem link(UUID id, UUID incidentId, String by) {
        var problem = find(id);
        incidents.require(incidentId);
        problem.link(incidentId, by, clock.instant());
        problems.save(problem);
        return problem;
    }

    public Problem unlink(UUID id, UUID incidentId, String by) {
        var problem = find(id);
        incidents.require(incidentId);
        problem.unlink(incidentId, by, clock.instant());
        problems.save(problem);
        return problem;
    }

    private Problem find(UUID id) {
        return problems.byId(id).orElseThrow(() -> new NotFoundException("problem", id));
    }

    private Problem apply(UUID id, Transition transition) {
        var problem = find(id);
        transition.apply(problem, clock.instant());
        problems.save(problem);
        return problem;
    }

    private interface Transition {
        void apply(Problem problem, Instant now);
    }
}
