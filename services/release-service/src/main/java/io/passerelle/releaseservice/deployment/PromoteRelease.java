package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.OpenedIncidents;
import io.passerelle.releaseservice.deployment.port.Promotions;
import io.passerelle.releaseservice.deployment.port.Releases;

/**
 * Takes a release from an environment where it succeeded to the next one, as that environment's promotion says: at
 * once (AUTOMATIC), once it has soaked in the environment before without a new incident there (SOAK; an incident
 * stops it), or when a release manager promotes it (MANUAL, or any waiting or stopped promotion, by decision). The
 * release then enters the environment through its required checks ({@link Admission}): it waits there, or is
 * stopped, while they are not green. A rollback's success promotes nothing: the release it put back has been
 * promoted before.
 */
public final class PromoteRelease {

    /** Soaked promotions handled per round. */
    public static final int BATCH = 100;
    static final String SOAKED = "passerelle (soaked without incident)";

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final Checks checks;
    private final Admission admission;
    private final Promotions promotions;
    private final OpenedIncidents incidents;
    private final Clock clock;

    public PromoteRelease(Services services, Releases releases, Deployments deployments, Checks checks,
            Promotions promotions, OpenedIncidents incidents, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.checks = checks;
        this.admission = new Admission(releases, deployments);
        this.promotions = promotions;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** {@code succeeded} just succeeded: its release goes on to the next environment, or waits to. */
    public void afterSuccess(Deployment succeeded, Instant at) {
        if (succeeded.kind() == Deployment.Kind.ROLLBACK) {
            return;
        }
        var service = service(succeeded.service());
        service.environmentAfter(succeeded.environment()).ifPresent(next -> {
            var promotion = next.promotion();
            switch (promotion.mode()) {
                case AUTOMATIC -> enter(succeeded.releaseId(), next, at);
                case SOAK -> promotions.await(new PendingPromotion(succeeded.releaseId(), service.name(),
                        succeeded.environment(), next.name(), at, PendingPromotion.Mode.SOAK,
                        at.plus(Objects.requireNonNull(promotion.soak()))));
                case MANUAL -> promotions.await(new PendingPromotion(succeeded.releaseId(), service.name(),
                        succeeded.environment(), next.name(), at, PendingPromotion.Mode.MANUAL, null));
            }
        });
    }

    /**
     * Promotions whose soak time has passed: planned when no incident opened meanwhile on the environment they
     * soaked in, stopped otherwise. Returns how many were handled (at most {@link #BATCH}).
     */
    public int soaked() {
        var now = now();
        var due = promotions.lockDue(now, BATCH);
        for (var promotion : due) {
            var incident = incidents.firstBetween(promotion.service(), promotion.fromEnvironment(),
                    promotion.succeededAt(), now);
            if (incident.isPresent()) {
                promotions.stop(promotion, stoppedBy(incident.get()), now);
            } else {
                enter(promotion.releaseId(), environment(promotion), now);
                promotions.done(promotion, SOAKED, now);
            }
        }
        return due.size();
    }

    public Optional<Instant> nextDue() {
        return promotions.nextDue();
    }

    /** An incident opened: the releases soaking in its environment stop there, saying why. */
    public int incidentOpened(OpenedIncident incident) {
        if (!incidents.record(incident)) {
            return 0;
        }
        var stopped = 0;
        for (var promotion : promotions.lockSoakingIn(incident.service(), incident.environment())) {
            if (!incident.openedAt().isBefore(promotion.succeededAt())) {
                promotions.stop(promotion, stoppedBy(incident), now());
                stopped++;
            }
        }
        return stopped;
    }

    /**
     * A release manager promotes {@code releaseId} into {@code environment}: allowed once it succeeded in the
     * environment before, whatever that environment's promotion (a waiting or stopped promotion is decided so), and
     * once the checks that environment requires are green on its commit.
     *
     * @return the planned deployment, waiting for its change
     * @throws NotFoundException when the release is unknown
     * @throws RuleViolationException 422 for an environment the service does not have, 409 out of order, twice, or
     *         while a required check is missing or not green
     */
    public Deployment promote(UUID releaseId, String environment, String by) {
        var release = releases.byId(releaseId).orElseThrow(() -> new NotFoundException("release", releaseId));
        var service = service(release.service());
        var target = service.environment(environment).orElseThrow(() -> RuleViolationException.unprocessable(
                "service " + service.name() + " has no environment '" + environment + "'"));
        var before = service.environmentBefore(environment).orElseThrow(() -> RuleViolationException.conflict(
                environment + " is " + service.name() + "'s first environment: every release reaches it on its"
                        + " own, there is nothing to promote from"));
        deployments.forward(releaseId, environment).ifPresent(existing -> {
            throw RuleViolationException.conflict("release " + release.version() + " was promoted into "
                    + environment + " already (deployment " + existing.id() + ", " + existing.state() + ")");
        });
        var succeeded = deployments.forward(releaseId, before.name())
                .filter(d -> d.state() == DeploymentState.SUCCEEDED);
        if (succeeded.isEmpty()) {
            throw RuleViolationException.conflict("promotion out of order: release " + release.version()
                    + " has not succeeded in " + before.name() + ", which comes before " + environment);
        }
        var commitChecks = checks.lock(release.service(), release.commitSha());
        var hold = Release.hold(environment, release.commitSha(), commitChecks.judge(target.requiredChecks()));
        if (hold != null) {
            throw RuleViolationException.conflict("release " + release.version() + " " + hold.reason());
        }
        var now = now();
        var deployment = enter(releaseId, target, now)
                .orElseThrow(() -> new IllegalStateException("checks judged ready did not admit " + releaseId));
        promotions.lockWaiting(releaseId, environment).ifPresent(waiting -> promotions.done(waiting, by, now));
        return deployment;
    }

    /** The release enters the environment through its required checks: planned, or held saying what for. */
    private Optional<Deployment> enter(UUID releaseId, Environment environment, Instant at) {
        var known = releases.byId(releaseId)
                .orElseThrow(() -> new IllegalStateException("release " + releaseId + " is missing"));
        var commitChecks = checks.lock(known.service(), known.commitSha());
        var release = releases.lock(known.service(), known.commitSha()).orElseThrow();
        return admission.admit(release, environment, commitChecks, at);
    }

    private Environment environment(PendingPromotion promotion) {
        return service(promotion.service()).environment(promotion.environment()).orElseThrow(
                () -> new IllegalStateException(promotion.service() + " lost environment " + promotion.environment()));
    }

    private Service service(String name) {
        return services.byName(name).orElseThrow(() -> new IllegalStateException("service " + name
                + " left the catalog"));
    }

    private static String stoppedBy(OpenedIncident incident) {
        return "incident " + incident.incidentId() + " (" + incident.title() + ") opened on " + incident.environment()
                + " at " + incident.openedAt() + ", while the release soaked there";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
