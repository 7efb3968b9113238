package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;

/**
 * The one rule that lets a release into an environment, whether it was just recorded, waits, or was promoted: every
 * check the environment requires must be green on its commit. The caller holds the commit's checks locked
 * ({@link io.passerelle.releaseservice.deployment.port.Checks#lock}), so that the release is planned there once.
 */
final class Admission {

    private final Releases releases;
    private final Deployments deployments;

    Admission(Releases releases, Deployments deployments) {
        this.releases = releases;
        this.deployments = deployments;
    }

    /**
     * Plans the stored {@code release} into {@code environment} when its checks allow, else records what it waits
     * for; the planned deployment, or empty when it waits.
     */
    Optional<Deployment> admit(Release release, Environment environment, CommitChecks checks, Instant at) {
        var admitted = release.admit(environment.name(), checks.judge(environment.requiredChecks()));
        releases.update(release);
        if (!admitted) {
            return Optional.empty();
        }
        var deployment = Deployment.plan(release, environment, at);
        deployments.save(deployment);
        return Optional.of(deployment);
    }
}
