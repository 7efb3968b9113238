package io.passerelle.releaseservice.deployment.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.DeploymentsApi;
import io.passerelle.releaseservice.api.ReleasesApi;
import io.passerelle.releaseservice.api.model.CheckResult;
import io.passerelle.releaseservice.api.model.DeploymentRecord;
import io.passerelle.releaseservice.api.model.PromotionRequest;
import io.passerelle.releaseservice.api.model.ReleaseCommit;
import io.passerelle.releaseservice.api.model.ReleaseHold;
import io.passerelle.releaseservice.api.model.ReleaseRecord;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.Release;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Releases with their evidence: the commits, the latest result of every check on the commit, what they wait for. */
@RestController
class ReleasesController implements ReleasesApi {

    private final Releases releases;
    private final Checks checks;
    private final PromoteRelease promotion;

    ReleasesController(Releases releases, Checks checks, PromoteRelease promotion) {
        this.releases = releases;
        this.checks = checks;
        this.promotion = promotion;
    }

    @Override
    @PreAuthorize(DeploymentsController.READERS)
    public ResponseEntity<List<ReleaseRecord>> listReleases(@Nullable String service) {
        var results = checks.ofReleases(service);
        return ResponseEntity.ok(releases.newestFirst(service).stream()
                .map(release -> view(release, results.getOrDefault(release.id(), List.of()))).toList());
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

    private static ReleaseRecord view(Release release, List<io.passerelle.releaseservice.deployment.CheckResult> results) {
        var hold = release.awaiting();
        return new ReleaseRecord(release.id(), release.service(), release.version(), release.commitSha(),
                ApiTime.utc(release.recordedAt()),
                release.commits().stream().map(ReleasesController::view).toList(),
                results.stream().map(ReleasesController::view).toList())
                .runUrl(release.runUrl())
                .headCommitAt(release.headCommitAt() == null ? null : ApiTime.utc(release.headCommitAt()))
                .awaiting(hold == null ? null : new ReleaseHold(hold.environment(),
                        ReleaseHold.StateEnum.fromValue(hold.state().name()), hold.reason()));
    }

    private static CheckResult view(io.passerelle.releaseservice.deployment.CheckResult result) {
        return new CheckResult(result.name(), result.conclusion(), result.runId(), ApiTime.utc(result.finishedAt()))
                .runNumber(result.runNumber()).runAttempt(result.runAttempt()).runUrl(result.runUrl());
    }

    private static ReleaseCommit view(Release.Commit commit) {
        return new ReleaseCommit(commit.sha()).message(commit.message())
                .committedAt(commit.committedAt() == null ? null : ApiTime.utc(commit.committedAt()));
    }
}
