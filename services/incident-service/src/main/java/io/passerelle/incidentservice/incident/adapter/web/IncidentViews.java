package io.passerelle.incidentservice.incident.adapter.web;

import java.util.List;

import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.incident.port.LinkedProblems;
import org.springframework.stereotype.Component;

/**
 * An incident as every endpoint answers it: the aggregate, the known errors suggested to it and the problems it is
 * linked to (a query, not part of the aggregate).
 */
@Component
class IncidentViews {

    private final LinkedProblems problems;

    IncidentViews(LinkedProblems problems) {
        this.problems = problems;
    }

    Incident of(io.passerelle.incidentservice.incident.Incident incident) {
        return IncidentMapping.view(incident, problems.of(List.of(incident.id())).getOrDefault(incident.id(),
                List.of()));
    }

    /** Several at once: one query for the problems of them all. */
    List<Incident> ofAll(List<io.passerelle.incidentservice.incident.Incident> incidents) {
        var linked = problems.of(incidents.stream().map(io.passerelle.incidentservice.incident.Incident::id).toList());
        return incidents.stream().map(i -> IncidentMapping.view(i, linked.getOrDefault(i.id(), List.of()))).toList();
    }
}
