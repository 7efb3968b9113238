package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;

/** The deploy target accepted the signed request, after {@code attempts} calls; the subject is the deployment. */
@EventType("deployment.dispatched.v1")
public record DeploymentDispatched(UUID deploymentId, String service, String environment, String targetUrl,
        int attempts, Instant dispatchedAt) implements DomainEvent {

    @Override
    public String subject() {
        return deploymentId.toString();
    }
}
