package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/**
 * A completed pipeline run of a catalogued service, green or not. Its result is kept as the latest of its check on
 * the commit (an older attempt arriving late changes nothing). The first green run of a commit makes its release
 * (one per service and commit); a release goes into its first environment, or into the one it waits for, once every
 * check that environment requires is green on the commit ({@link Admission}). The commit's checks are locked first,
 * so that runs of the same commit finishing at once make one release and one deployment, never two.
 */
public final class RecordRelease {

    private final Services services;
    private final Releases releases;
    private final Checks checks;
    private final Admission admission;
    private final Clock clock;

    public RecordRelease(Services services, Releases releases, Deployments deployments, Checks checks, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.checks = checks;
        this.admission = new Admission(releases, deployments);
        this.clock = clock;
    }

    public Outcome record(PipelineRun run) {
        var service = services.byName(run.service()).orElse(null);
        if (service == null) {
            return Outcome.UNKNOWN_SERVICE;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var commitChecks = checks.lock(run.service(), run.commitSha());
        if (!commitChecks.record(run.check())) {
            return Outcome.STALE;
        }
        checks.keep(run.service(), run.commitSha(), run.check(), now);
        var release = releases.lock(run.service(), run.commitSha()).orElse(null);
        if (release != null) {
            return admitAgain(release, service, commitChecks, now);
        }
        if (!run.check().green()) {
            return Outcome.NOT_RELEASED;
        }
        var made = Release.fromPipeline(run.service(), run.commitSha(), null, run.check().runUrl(), run.actor(),
                new Release.Evidence(run.headCommitAt(), run.commits(), commitChecks.latest()), now);
        if (!releases.save(made)) {
            // a gate recorded the release of this commit meanwhile: that is the release, and it waits for nothing
            return Outcome.KEPT;
        }
        return admission.admit(made, service.firstEnvironment(), commitChecks, now).isPresent() ? Outcome.PLANNED : Outcome.HELD;
    }

    /** A release that waits is judged again with the new result; one that waits for nothing keeps it as evidence. */
    private Outcome admitAgain(Release release, Service service, CommitChecks commitChecks, Instant at) {
        var hold = release.awaiting();
        if (hold == null) {
            return Outcome.KEPT;
        }
        var environment = service.environment(hold.environment()).orElseThrow(() -> new IllegalStateException(
                "release " + release.id() + " waits for environment " + hold.environment() + ", which "
                        + service.name() + " does not have"));
        return admission.admit(release, environment, commitChecks, at).isPresent() ? Outcome.PLANNED : Outcome.HELD;
    }

    /**
     * A completed pipeline run: which service, which commit, how its check ended, who ran it, and the evidence it
     * carries (when the head commit was made, the commits it names, head first).
     */
    public record PipelineRun(String service, String commitSha, CheckResult check, @Nullable String actor,
            @Nullable Instant headCommitAt, List<Release.Commit> commits) {
    }

    /**
     * UNKNOWN_SERVICE: not in the catalog. STALE: an older (or the same) result of its check than the one kept;
     * nothing changed. NOT_RELEASED: not green, and the commit has no release (the result is kept). KEPT: the
     * release waits for nothing; the result is kept as evidence. HELD: the release waits for required checks, or is
     * stopped by one. PLANNED: the release went into the environment it was waiting for (its first, if new).
     */
    public enum Outcome { UNKNOWN_SERVICE, STALE, NOT_RELEASED, KEPT, HELD, PLANNED }
}
