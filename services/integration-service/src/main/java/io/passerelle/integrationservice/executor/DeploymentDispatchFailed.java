package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;

/** The deployment could not be carried to its target (0 attempts: it never could); the subject is the deployment. */
@EventType("deployment.dispatch-failed.v1")
public record DeploymentDispatchFailed(UUID deploymentId, String service, String environment, String targetUrl,
        int attempts, String reason, Instant failedAt) implements DomainEvent {

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
