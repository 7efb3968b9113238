package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/**
 * The deploy target reports how a deployment ended, with the credential issued for that deployment (checked first:
 * a pipeline role alone reports nothing). A success promotes the release: it goes into the service's next
 * environment (the next higher order), which needs its own change, once every check that environment requires is
 * green on its commit ({@link Admission}); until then the release waits there, or is stopped, saying why.
 */
public final class ReportDeploymentOutcome {

    static final String DEFAULT_FAILURE = "the deploy target reported a failure";

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final Checks checks;
    private final Admission admission;
    private final CallbackCredentials credentials;
    private final Clock clock;

    public ReportDeploymentOutcome(Services services, Releases releases, Deployments deployments, Checks checks,
            CallbackCredentials credentials, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.checks = checks;
        this.admission = new Admission(releases, deployments);
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * @return the deployment after the report; a repeated report of the same outcome changes nothing
     * @throws CallbackCredentialRefusedException when {@code callbackToken} is not this deployment's
     */
    public Deployment report(UUID deploymentId, String callbackToken, Reported outcome, @Nullable String reason) {
        if (!credentials.verify(deploymentId, callbackToken)) {
            throw new CallbackCredentialRefusedException(deploymentId);
        }
        var deployment = deployments.lock(deploymentId)
                .orElseThrow(() -> new NotFoundException("deployment", deploymentId));
        if (deployment.executor() == Executor.PIPELINE) {
            throw RuleViolationException.conflict("deployment " + deploymentId + " is carried out by its pipeline,"
                    + " not a deploy target: its outcome is reported on its gate");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean changed = switch (outcome) {
            case SUCCEEDED -> deployment.succeed(now);
            case FAILED -> deployment.fail(reason == null || reason.isBlank() ? DEFAULT_FAILURE : reason, now);
        };
        if (changed) {
            deployments.save(deployment);
            if (outcome == Reported.SUCCEEDED) {
                promote(deployment, now);
            }
        }
        return deployment;
    }

    private void promote(Deployment succeeded, Instant at) {
        var service = services.byName(succeeded.service())
                .orElseThrow(() -> new IllegalStateException("service " + succeeded.service() + " left the catalog"));
        service.environmentAfter(succeeded.environment()).ifPresent(next -> {
            // the commit's checks first, then the release as it stands under that lock (a check may just have landed)
            var commitChecks = checks.lock(succeeded.service(), succeeded.commitSha());
            var release = releases.lock(succeeded.service(), succeeded.commitSha())
                    .orElseThrow(() -> new IllegalStateException("release " + succeeded.releaseId() + " is missing"));
            admission.admit(release, next, commitChecks, at);
        });
    }

    /** What the deploy target reports. */
    public enum Reported { SUCCEEDED, FAILED }
}
