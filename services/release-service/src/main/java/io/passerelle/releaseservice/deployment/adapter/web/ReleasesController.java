package io.passerelle.releaseservice.deployment.adapter.web;

import java.util.List;

import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.ReleasesApi;
import io.passerelle.releaseservice.api.model.ReleaseRecord;
import io.passerelle.releaseservice.deployment.Release;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReleasesController implements ReleasesApi {

    private final Releases releases;

    ReleasesController(Releases releases) {
        this.releases = releases;
    }

    @Override
    @PreAuthorize(DeploymentsController.READERS)
    public ResponseEntity<List<ReleaseRecord>> listReleases(@Nullable String service) {
        return ResponseEntity.ok(releases.newestFirst(service).stream().map(ReleasesController::view).toList());
    }

    private static ReleaseRecord view(Release release) {
        return new ReleaseRecord(release.id(), release.service(), release.version(), release.commitSha(),
                ApiTime.utc(release.recordedAt())).runUrl(release.runUrl());
    }
}
