package io.passerelle.incidentservice.problem;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.problem.port.Problems;
import org.jspecify.annotations.Nullable;

/** Raises problems, on their own or from incidents that exist. */
public final class RaiseProblem {

    private final Problems problems;
    private final ExistingIncidents incidents;
    private final Clock clock;

    public RaiseProblem(Problems problems, Incidents incidents, Clock clock) {
        this.problems = problems;
        this.incidents = new ExistingIncidents(incidents);
        this.clock = clock;
    }

    public Problem raise(String title, @Nullable String description, @Nullable String service,
            List<UUID> incidentIds, String by) {
        incidentIds.forEach(incidents::require);
        var problem = Problem.raise(title, description, service, incidentIds, by, clock.instant());
        problems.save(problem);
        return problem;
    }
}
