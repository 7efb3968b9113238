package io.passerelle.incidentservice.incident.adapter.web;

import java.util.UUID;

import io.passerelle.incidentservice.api.SuspectsApi;
import io.passerelle.incidentservice.api.model.Incident;
import io.passerelle.incidentservice.api.model.SuspectDecisionRequest;
import io.passerelle.incidentservice.incident.DecideSuspect;
import io.passerelle.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The on-call engineer or the service desk confirms a suspect deployment as a cause of an incident, or dismisses it. */
@RestController
class SuspectController implements SuspectsApi {

    private static final String DECIDERS = "hasAnyRole('" + Roles.ON_CALL + "', '" + Roles.SERVICE_DESK + "')";

    private final DecideSuspect decide;

    SuspectController(DecideSuspect decide) {
        this.decide = decide;
    }

    @Override
    @PreAuthorize(DECIDERS)
    @Transactional
    public ResponseEntity<Incident> confirmSuspect(UUID id, UUID deploymentId, SuspectDecisionRequest request) {
        return ResponseEntity.ok(IncidentMapping.view(decide.confirm(id, deploymentId, Caller.name(),
                request.getReason())));
    }

    @Override
    @PreAuthorize(DECIDERS)
    @Transactional
    public ResponseEntity<Incident> dismissSuspect(UUID id, UUID deploymentId, SuspectDecisionRequest request) {
        return ResponseEntity.ok(IncidentMapping.view(decide.dismiss(id, deploymentId, Caller.name(),
                request.getReason())));
    }
}
