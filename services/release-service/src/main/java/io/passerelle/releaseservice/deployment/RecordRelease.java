package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/**
 * A green pipeline of a catalogued service becomes a release (one per service and commit), planned into the
 * service's first environment.
 */
public final class RecordRelease {

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final Clock clock;

    public RecordRelease(Services services, Releases releases, Deployments deployments, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.clock = clock;
    }

    public Outcome record(PipelineRun run) {
        var service = services.byName(run.service());
        if (service.isEmpty()) {
            return Outcome.UNKNOWN_SERVICE;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var release = Release.fromPipeline(run.service(), run.commitSha(), run.runUrl(), run.actor(), now);
        if (!releases.save(release)) {
            return Outcome.ALREADY_RECORDED;
        }
        deployments.save(Deployment.plan(release, service.get().firstEnvironment(), now));
        return Outcome.RECORDED;
    }

    /** A green pipeline run: which service, which commit, who ran it. */
    public record PipelineRun(String service, String commitSha, @Nullable String runUrl, @Nullable String actor) {
    }

    public enum Outcome { RECORDED, UNKNOWN_SERVICE, ALREADY_RECORDED }
}
