package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.deployment.port.Deployments;
import org.jspecify.annotations.Nullable;

/**
 * The deploy target reports how a deployment ended, with the credential issued for that deployment (checked first:
 * a pipeline role alone reports nothing). A success promotes the release as the next environment's promotion says
 * ({@link PromoteRelease}).
 */
public final class ReportDeploymentOutcome {

    static final String DEFAULT_FAILURE = "the deploy target reported a failure";

    private final Deployments deployments;
    private final PromoteRelease promotion;
    private final CallbackCredentials credentials;
    private final Clock clock;

    public ReportDeploymentOutcome(Deployments deployments, PromoteRelease promotion, CallbackCredentials credentials,
            Clock clock) {
        this.deployments = deployments;
        this.promotion = promotion;
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
                promotion.afterSuccess(deployment, now);
            }
        }
        return deployment;
    }

    /** What the deploy target reports. */
    public enum Reported { SUCCEEDED, FAILED }
}
