package io.passerelle.incidentservice.incident.adapter.web;

import java.util.UUID;

import io.passerelle.incidentservice.api.IncidentLifecycleApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.Reason;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.incidentservice.incident.WorkOnIncident;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The transitions of an incident, each by the caller, now. */
@RestController
class IncidentLifecycleController implements IncidentLifecycleApi {

    private final WorkOnIncident work;
    private final ResolveIncident resolveIncident;
    private final IncidentViews views;

    IncidentLifecycleController(WorkOnIncident work, ResolveIncident resolveIncident, IncidentViews views) {
        this.work = work;
        this.resolveIncident = resolveIncident;
        this.views = views;
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> acknowledgeIncident(UUID id) {
        return ResponseEntity.ok(views.of(work.acknowledge(id, Caller.name())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> startIncident(UUID id) {
        return ResponseEntity.ok(views.of(work.start(id, Caller.name())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> holdIncident(UUID id, Reason reason) {
        return ResponseEntity.ok(views.of(work.hold(id, reason.getReason(), Caller.name())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> resumeIncident(UUID id) {
        return ResponseEntity.ok(views.of(work.resume(id, Caller.name())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> resolveIncident(UUID id) {
        return ResponseEntity.ok(views.of(resolveIncident.now(id, Caller.name())));
    }

    @Override
    @PreAuthorize(Access.SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> closeIncident(UUID id) {
        return ResponseEntity.ok(views.of(work.close(id, Caller.name())));
    }

    @Override
    @PreAuthorize(Access.SERVICE_DESK)
    @Transactional
    public ResponseEntity<Incident> reopenIncident(UUID id, Reason reason) {
        return ResponseEntity.ok(views.of(work.reopen(id, reason.getReason(), Caller.name())));
    }
}
