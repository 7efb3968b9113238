package io.passerelle.incidentservice.incident.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.api.IncidentsApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.IncidentReport;
import io.passerelle.incidentservice.api.model.IncidentState;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.incident.port.LinkedProblems;
import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.incidentservice.incident.State;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IncidentController implements IncidentsApi {

    private static final String SERVICE_DESK = "hasRole('" + Roles.SERVICE_DESK + "')";
    private static final String READERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.CHANGE_MANAGER + "', '"
            + Roles.RELEASE_MANAGER + "', '" + Roles.PROBLEM_MANAGER + "')";

    private final OpenIncident openIncident;
    private final ResolveIncident resolveIncident;
    private final Incidents incidents;
    private final LinkedProblems problems;

    IncidentController(OpenIncident openIncident, ResolveIncident resolveIncident, Incidents incidents,
            LinkedProblems problems) {
        this.openIncident = openIncident;
        this.resolveIncident = resolveIncident;
        this.incidents = incidents;
        this.problems = problems;
    }

    @Override
    @PreAuthorize(SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> reportIncident(IncidentReport report) {
        var incident = openIncident.onReport(IncidentMapping.report(report), caller());
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(IncidentsApi.PATH_GET_INCIDENT.replace("{id}", incident.id().toString()));
        return ResponseEntity.created(location).body(view(incident));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<Incident>> listIncidents(@Nullable String service, @Nullable IncidentState state,
            Integer limit) {
        var found = incidents.list(service, state == null ? null : State.valueOf(state.name()), limit);
        var linked = problems.of(found.stream().map(io.passerelle.incidentservice.incident.Incident::id).toList());
        return ResponseEntity.ok(found.stream()
                .map(i -> IncidentMapping.view(i, linked.getOrDefault(i.id(), List.of()))).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<Incident> getIncident(UUID id) {
        return incidents.byId(id).map(this::view).map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("incident", id));
    }

    @Override
    @PreAuthorize(SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> resolveIncident(UUID id) {
        return ResponseEntity.ok(view(resolveIncident.now(id, caller())));
    }

    /** The incident with the problems it is linked to. */
    private Incident view(io.passerelle.incidentservice.incident.Incident incident) {
        return IncidentMapping.view(incident, problems.of(List.of(incident.id())).getOrDefault(incident.id(), List.of()));
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return authentication.getName();
    }
}
