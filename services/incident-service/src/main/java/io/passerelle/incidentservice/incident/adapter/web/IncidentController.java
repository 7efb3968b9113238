package io.passerelle.incidentservice.incident.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.incidentservice.api.IncidentsApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.IncidentReport;
import io.passerelle.incidentservice.api.model.IncidentState;
import io.passerelle.incidentservice.api.model.Priority;
import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.State;
import io.passerelle.incidentservice.incident.port.IncidentQuery;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Incidents: logged by the service desk, listed a page at a time, read one by one. */
@RestController
class IncidentController implements IncidentsApi {

    private final OpenIncident openIncident;
    private final Incidents incidents;
    private final IncidentViews views;

    IncidentController(OpenIncident openIncident, Incidents incidents, IncidentViews views) {
        this.openIncident = openIncident;
        this.incidents = incidents;
        this.views = views;
    }

    @Override
    @PreAuthorize(Access.SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> reportIncident(IncidentReport report) {
        var incident = openIncident.onReport(IncidentMapping.report(report), Caller.name());
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(IncidentsApi.PATH_GET_INCIDENT.replace("{id}", incident.id().toString()));
        return ResponseEntity.created(location).body(views.of(incident));
    }

    @Override
    @PreAuthorize(Access.READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<Incident>> listIncidents(@Nullable List<IncidentState> state,
            @Nullable List<Priority> priority, @Nullable String service, @Nullable String environment,
            @Nullable String assignee, @Nullable Boolean attributed, @Nullable String text, Integer limit,
            @Nullable String cursor) {
        var query = new IncidentQuery(
                state == null ? java.util.Set.of() : state.stream().map(s -> State.valueOf(s.name()))
                        .collect(Collectors.toSet()),
                priority == null ? java.util.Set.of() : priority.stream()
                        .map(p -> io.passerelle.incidentservice.incident.Priority.valueOf(p.name()))
                        .collect(Collectors.toSet()),
                service, environment, assignee, text, attributed, limit,
                cursor == null ? null : Cursors.decode(cursor));
        var page = incidents.list(query);
        var response = ResponseEntity.ok();
        if (page.next() != null) {
            // relative, like Location: the gateway's address is not ours to know
            var next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", Cursors.encode(page.next())).build();
            response.header(HttpHeaders.LINK, "<" + next.getPath() + "?" + next.getQuery() + ">; rel=\"next\"");
        }
        return response.body(views.ofAll(page.incidents()));
    }

    @Override
    @PreAuthorize(Access.READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<Incident> getIncident(UUID id) {
        return incidents.byId(id).map(views::of).map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("incident", id));
    }
}
