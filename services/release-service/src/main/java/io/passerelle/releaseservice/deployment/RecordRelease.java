package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.passerelle.releaseservice.catalog.Services;
import org.jspecify.annotations.Nullable;

/**
 * A green pipeline of a catalogued service becomes a release (one per service and commit), planned into the
 * service's first environment.
 */
public final class RecordRelease {

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final DeploymentEvents events;
    private final Clock clock;

    public RecordRelease(Services services, Releases releases, Deployments deployments, DeploymentEvents events,
            Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.events = events;
        this.clock = clock;
    }

    public Outcome record(PipelineRun run) {
        var service = services.byName(run.service());
        if (service.isEmpty()) {
            return Outcome.UNKNOWN_SERVICE;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var release = Release.fromPipeline(run.service(), run.commitSha(), run.runUrl(), run.actor(), now);
        if (!releases.addIfNew(release)) {
            return Outcome.ALREADY_RECORDED;
        }
        events.publish(java.util.List.of(release.recorded()));
        var deployment = Deployment.plan(release, service.get().firstEnvironment(), now);
        deployments.add(deployment);
        events.publish(deployment.pullEvents());
        return Outcome.RECORDED;
    }

    /** A green pipeline run: which service, which commit, who ran it. */
    public record PipelineRun(String service, String commitSha, @Nullable String runUrl, @Nullable String actor) {
    }

    public enum Outcome { RECORDED, UNKNOWN_SERVICE, ALREADY_RECORDED }
}
