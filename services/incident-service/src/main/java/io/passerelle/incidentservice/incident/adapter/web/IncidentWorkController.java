package io.passerelle.incidentservice.incident.adapter.web;

import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.api.IncidentWorkApi;
import io.passerelle.incidentservice.api.model.AssignmentRequest;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.PriorityChange;
import io.passerelle.incidentservice.api.model.TimelineEntry;
import io.passerelle.incidentservice.api.model.WorkNote;
import io.passerelle.incidentservice.incident.Assignment;
import io.passerelle.incidentservice.incident.WorkOnIncident;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.domain.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Working an incident: who has it, what they noted, how urgent it is; and everything that happened, in order. */
@RestController
class IncidentWorkController implements IncidentWorkApi {

    private final WorkOnIncident work;
    private final Incidents incidents;
    private final Timeline timeline;
    private final IncidentViews views;

    IncidentWorkController(WorkOnIncident work, Incidents incidents, Timeline timeline, IncidentViews views) {
        this.work = work;
        this.incidents = incidents;
        this.timeline = timeline;
        this.views = views;
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> assignIncident(UUID id, AssignmentRequest request) {
        return ResponseEntity.ok(views.of(work.assign(id,
                new Assignment(request.getAssignee(), request.getGroup()), Caller.name())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<TimelineEntry> addIncidentNote(UUID id, WorkNote note) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(IncidentMapping.view(work.addNote(id, note.getText(), Caller.name())));
    }

    @Override
    @PreAuthorize(Access.SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> changeIncidentPriority(UUID id, PriorityChange change) {
        return ResponseEntity.ok(views.of(work.reprioritize(id, IncidentMapping.level(change.getImpact()),
                IncidentMapping.level(change.getUrgency()), change.getReason(), Caller.name())));
    }

    @Override
    @PreAuthorize(Access.READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<TimelineEntry>> getIncidentTimeline(UUID id) {
        if (incidents.byId(id).isEmpty()) {
            throw new NotFoundException("incident", id);
        }
        return ResponseEntity.ok(timeline.of(id).stream().map(IncidentMapping::view).toList());
    }
}
