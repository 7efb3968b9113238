package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The one event an executor emits about a deployment, once: how it ended, as its target told it ({@code source}
 * {@code callback} with the target's {@code deliveryId}, {@code notification}), as the executor saw it
 * ({@code watch}), or because it could not be sent ({@code dispatch}: FAILED, the reason says why). The subject is
 * the deployment.
 */
@EventType("deployment.outcome-reported.v1")
public record DeploymentOutcomeReported(UUID deploymentId, String service, String environment, String executor,
        DeploymentOutcome outcome, @Nullable String reason, Source source, @Nullable UUID deliveryId,
        Instant reportedAt) implements DomainEvent {

    /**
     * Where the outcome comes from: the webhook's signed {@code callback}; a {@code dispatch} that could not be made;
     * a vendor's {@code notification} (Argo CD's notification service, GitHub's {@code deployment_status}); the
     * executor {@code watch}ing its target (Argo CD's application status, a Jenkins build, an AWX job).
     */
    public enum Source { callback, dispatch, notification, watch }

    static DeploymentOutcomeReported dispatchFailed(UUID deploymentId, String service, String environment,
            String executor, String reason, Instant at) {
        return new DeploymentOutcomeReported(deploymentId, service, environment, executor, DeploymentOutcome.FAILED,
                reason, Source.dispatch, null, at);
    }

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
