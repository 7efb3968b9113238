package io.passerelle.release.deployment.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import io.passerelle.release.api.DeploymentsApi;
import io.passerelle.release.api.model.DeploymentRecord;
import io.passerelle.release.api.model.DeploymentStatusReport;
import io.passerelle.release.deployment.Deployment;
import io.passerelle.release.deployment.Deployments;
import io.passerelle.release.deployment.ReportDeploymentOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeploymentsController implements DeploymentsApi {

    static final String READERS = "hasAnyRole('" + Roles.RELEASE_MANAGER + "','" + Roles.CHANGE_MANAGER + "','"
            + Roles.SERVICE_DESK + "','" + Roles.PIPELINE + "')";

    private final Deployments deployments;
    private final ReportDeploymentOutcome reportOutcome;

    DeploymentsController(Deployments deployments, ReportDeploymentOutcome reportOutcome) {
        this.deployments = deployments;
        this.reportOutcome = reportOutcome;
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<List<DeploymentRecord>> listDeployments(@Nullable String service,
            @Nullable String environment) {
        return ResponseEntity.ok(deployments.newestFirst(service, environment).stream()
                .map(DeploymentsController::view).toList());
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<DeploymentRecord> getDeployment(UUID id) {
        return ResponseEntity.ok(view(deployments.byId(id).orElseThrow(() -> new NotFoundException("deployment", id))));
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.PIPELINE + "')")
    @Transactional
    public ResponseEntity<DeploymentRecord> reportDeploymentStatus(UUID id, DeploymentStatusReport report) {
        var outcome = switch (report.getState()) {
            case SUCCEEDED -> ReportDeploymentOutcome.Outcome.SUCCEEDED;
            case FAILED -> ReportDeploymentOutcome.Outcome.FAILED;
        };
        return ResponseEntity.ok(view(reportOutcome.report(id, outcome, report.getReason())));
    }

    private static DeploymentRecord view(Deployment d) {
        return new DeploymentRecord(d.id(), d.releaseId(), d.service(), d.environment(), d.version(), d.commitSha(),
                io.passerelle.release.api.model.DeploymentState.fromValue(d.state().name()), time(d.plannedAt()))
                .changeId(d.changeId())
                .startedAt(time(d.startedAt()))
                .finishedAt(time(d.finishedAt()))
                .reason(d.reason());
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
