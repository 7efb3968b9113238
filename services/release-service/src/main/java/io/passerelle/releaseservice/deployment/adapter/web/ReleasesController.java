package io.passerelle.releaseservice.deployment.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.DeploymentsApi;
import io.passerelle.releaseservice.api.ReleasesApi;
import io.passerelle.releaseservice.api.model.DeploymentRecord;
import io.passerelle.releaseservice.api.model.PromotionRequest;
import io.passerelle.releaseservice.api.model.ReleaseRecord;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.Release;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReleasesController implements ReleasesApi {

    private final Releases releases;
    private final PromoteRelease promotion;

    ReleasesController(Releases releases, PromoteRelease promotion) {
        this.releases = releases;
        this.promotion = promotion;
    }

    @Override
    @PreAuthorize(DeploymentsController.READERS)
    public ResponseEntity<List<ReleaseRecord>> listReleases(@Nullable String service) {
        return ResponseEntity.ok(releases.newestFirst(service).stream().map(ReleasesController::view).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.RELEASE_MANAGER + "')")
    @Transactional
    public ResponseEntity<DeploymentRecord> promoteRelease(UUID id, PromotionRequest body) {
        var planned = promotion.promote(id, body.getEnvironment(),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.created(
                URI.create(DeploymentsApi.PATH_GET_DEPLOYMENT.replace("{id}", planned.id().toString())))
                .body(DeploymentsController.view(planned));
    }

    private static ReleaseRecord view(Release release) {
        return new ReleaseRecord(release.id(), release.service(), release.version(), release.commitSha(),
                ApiTime.utc(release.recordedAt())).runUrl(release.runUrl());
    }
}
