package io.passerelle.releaseservice.deployment.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.DeploymentsApi;
import io.passerelle.releaseservice.api.model.DeploymentRecord;
import io.passerelle.releaseservice.api.model.RollbackRequest;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.RollBackDeployment;
import io.passerelle.releaseservice.deployment.port.Deployments;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeploymentsController implements DeploymentsApi {

    static final String READERS = "hasAnyRole('" + Roles.RELEASE_MANAGER + "','" + Roles.CHANGE_MANAGER + "','"
            + Roles.SERVICE_DESK + "','" + Roles.PIPELINE + "')";

    private final Deployments deployments;
    private final RollBackDeployment rollBack;

    DeploymentsController(Deployments deployments, RollBackDeployment rollBack) {
        this.deployments = deployments;
        this.rollBack = rollBack;
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
    @PreAuthorize("hasRole('" + Roles.RELEASE_MANAGER + "')")
    @Transactional
    public ResponseEntity<DeploymentRecord> rollBackDeployment(UUID id, RollbackRequest body) {
        var planned = rollBack.rollBack(id, body.getReason(), Boolean.TRUE.equals(body.getEmergency()),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.created(URI.create(
                DeploymentsApi.PATH_GET_DEPLOYMENT.replace("{id}", planned.id().toString()))).body(view(planned));
    }

    static DeploymentRecord view(Deployment d) {
        return new DeploymentRecord(d.id(), d.releaseId(), d.service(), d.environment(), d.version(), d.commitSha(),
                io.passerelle.releaseservice.api.model.DeploymentState.fromValue(d.state().name()),
                ApiTime.utc(d.plannedAt()), DeploymentRecord.KindEnum.fromValue(d.kind().name()))
                .rollbackOf(d.rollback() == null ? null : d.rollback().of())
                .incidentId(d.rollback() == null ? null : d.rollback().incidentId())
                .automatic(d.rollback() == null ? null : d.rollback().automatic())
                .changeId(d.changeId())
                .startedAt(ApiTime.utcOrNull(d.startedAt()))
                .finishedAt(ApiTime.utcOrNull(d.finishedAt()))
                .reason(d.reason());
    }
}
