package io.passerelle.incidentservice.incident.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.api.IncidentsApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.IncidentReport;
import io.passerelle.incidentservice.api.model.IncidentState;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.incidentservice.incident.State;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IncidentController implements IncidentsApi {

    private static final String SERVICE_DESK = "hasRole('" + Roles.SERVICE_DESK + "')";
    private static final String READERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.CHANGE_MANAGER + "', '"
            + Roles.RELEASE_MANAGER + "')";

    private final OpenIncident openIncident;
    private final ResolveIncident resolveIncident;
    private final Incidents incidents;

    IncidentController(OpenIncident openIncident, ResolveIncident resolveIncident, Incidents incidents) {
        this.openIncident = openIncident;
        this.resolveIncident = resolveIncident;
        this.incidents = incidents;
    }

    @Override
    @PreAuthorize(SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> reportIncident(IncidentReport report) {
        var incident = openIncident.onReport(IncidentMapping.report(report), Caller.name());
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(IncidentsApi.PATH_GET_INCIDENT.replace("{id}", incident.id().toString()));
        return ResponseEntity.created(location).body(IncidentMapping.view(incident));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<Incident>> listIncidents(@Nullable String service, @Nullable IncidentState state,
            Integer limit) {
        var found = incidents.list(service, state == null ? null : State.valueOf(state.name()), limit);
        return ResponseEntity.ok(found.stream().map(IncidentMapping::view).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<Incident> getIncident(UUID id) {
        return incidents.byId(id).map(IncidentMapping::view).map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("incident", id));
    }

    @Override
    @PreAuthorize(SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> resolveIncident(UUID id) {
        return ResponseEntity.ok(IncidentMapping.view(resolveIncident.now(id, Caller.name())));
    }
}
