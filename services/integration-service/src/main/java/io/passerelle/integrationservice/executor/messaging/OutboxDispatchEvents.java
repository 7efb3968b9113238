package io.passerelle.integration.executor.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.integration.executor.DeploymentDispatchFailed;
import io.passerelle.integration.executor.DeploymentDispatched;
import io.passerelle.integration.executor.DispatchEvents;
import io.passerelle.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Maps dispatch outcomes to {@code deployment.dispatched.v1} / {@code deployment.dispatch-failed.v1}; subject = deployment id. */
@Component
class OutboxDispatchEvents implements DispatchEvents {

    record Dispatched(UUID deploymentId, String service, String environment, String targetUrl, int attempts,
            Instant dispatchedAt) {
    }

    record DispatchFailed(UUID deploymentId, String service, String environment, String targetUrl, int attempts,
            String reason, Instant failedAt) {
    }

    private final Outbox outbox;

    OutboxDispatchEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void dispatched(DeploymentDispatched e) {
        outbox.append("deployment.dispatched.v1", e.deploymentId().toString(), new Dispatched(e.deploymentId(),
                e.service(), e.environment(), e.targetUrl(), e.attempts(), e.dispatchedAt()));
    }

    @Override
    public void dispatchFailed(DeploymentDispatchFailed e) {
        outbox.append("deployment.dispatch-failed.v1", e.deploymentId().toString(), new DispatchFailed(
                e.deploymentId(), e.service(), e.environment(), e.targetUrl(), e.attempts(), e.reason(), e.failedAt()));
    }
}
