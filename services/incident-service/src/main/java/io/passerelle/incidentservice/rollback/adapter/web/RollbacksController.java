package io.passerelle.incidentservice.rollback.adapter.web;

import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.api.RollbacksApi;
import io.passerelle.incidentservice.api.model.RollbackLine;
import io.passerelle.incidentservice.api.model.RollbackProposalState;
import io.passerelle.incidentservice.rollback.RollbackProposal;
import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** An incident's rollback proposals, each with the lines of the incident's timeline about it. */
@RestController
class RollbacksController implements RollbacksApi {

    /** The incident's readers: its timeline shows the same steps. */
    private static final String READERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.ON_CALL + "', '"
            + Roles.PROBLEM_MANAGER + "', '" + Roles.CHANGE_MANAGER + "', '" + Roles.RELEASE_MANAGER + "')";

    private final RollbackProposals proposals;
    private final Timeline timeline;

    RollbacksController(RollbackProposals proposals, Timeline timeline) {
        this.proposals = proposals;
        this.timeline = timeline;
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<io.passerelle.incidentservice.api.model.RollbackProposal>> listIncidentRollbacks(
            UUID id) {
        if (!proposals.incidentKnown(id)) {
            throw new NotFoundException("incident", id);
        }
        var found = proposals.ofIncident(id);
        var lines = found.isEmpty() ? List.<TimelineEntry>of() : timeline.of(id);
        return ResponseEntity.ok(found.stream().map(p -> view(p, lines.stream().filter(p::isAbout).toList())).toList());
    }

    private static io.passerelle.incidentservice.api.model.RollbackProposal view(RollbackProposal p,
            List<TimelineEntry> lines) {
        return new io.passerelle.incidentservice.api.model.RollbackProposal(p.undoneDeploymentId(), p.environment(),
                RollbackProposalState.valueOf(p.state().name()), p.automatic(), ApiTime.utc(p.updatedAt()),
                lines.stream().map(RollbacksController::view).toList())
                .deploymentId(p.deploymentId())
                .changeId(p.changeId())
                .restoredVersion(p.restoredVersion())
                .declinedReason(p.declinedReason());
    }

    private static RollbackLine view(TimelineEntry e) {
        return new RollbackLine(ApiTime.utc(e.at()), RollbackLine.KindEnum.valueOf(e.kind().name()), e.actor(),
                e.text()).ref(e.ref());
    }
}
