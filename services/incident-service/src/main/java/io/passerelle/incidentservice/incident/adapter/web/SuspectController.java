package io.passerelle.incidentservice.incident.adapter.web;

import java.util.UUID;

import io.passerelle.incidentservice.api.SuspectsApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.SuspectDecisionRequest;
import io.passerelle.incidentservice.incident.DecideSuspect;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The on-call engineer or the service desk confirms a suspect deployment as a cause of an incident, or dismisses it. */
@RestController
class SuspectController implements SuspectsApi {

    private final DecideSuspect decide;
    private final IncidentViews views;

    SuspectController(DecideSuspect decide, IncidentViews views) {
        this.decide = decide;
        this.views = views;
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> confirmSuspect(UUID id, UUID deploymentId, SuspectDecisionRequest request) {
        return ResponseEntity.ok(views.of(decide.confirm(id, deploymentId, Caller.name(),
                request.getReason())));
    }

    @Override
    @PreAuthorize(Access.WORKERS)
    @Transactional
    public ResponseEntity<Incident> dismissSuspect(UUID id, UUID deploymentId, SuspectDecisionRequest request) {
        return ResponseEntity.ok(views.of(decide.dismiss(id, deploymentId, Caller.name(),
                request.getReason())));
    }
}
