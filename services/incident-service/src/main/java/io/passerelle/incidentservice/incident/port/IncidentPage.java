package io.passerelle.incidentservice.incident.port;

import java.util.List;

import io.passerelle.incidentservice.incident.Incident;
import org.jspecify.annotations.Nullable;

/** One page of incidents, and where the next one starts when there are more. */
public record IncidentPage(List<Incident> incidents, IncidentQuery.@Nullable Position next) {

    public IncidentPage {
        incidents = List.copyOf(incidents);
    }
}
