package io.passerelle.integrationservice.executor.adapter.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.integrationservice.cdevents.ServiceEvents;
import io.passerelle.integrationservice.executor.DeploymentOutcome;
import io.passerelle.integrationservice.executor.DeploymentRequest;
import io.passerelle.integrationservice.executor.RequestDispatch;
import io.passerelle.integrationservice.executor.SettleDispatch;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Events of release-service's deployments, in the inbox transaction. {@code deployment.requested.v1} → a PENDING
 * dispatch through the executor of its target's type (no call here: the dispatcher makes it once that transaction
 * commits).
 * {@code deployment.succeeded.v1} / {@code deployment.failed.v1} (a timeout included) → the deployment's dispatch is
 * SETTLED with that outcome and reason: nothing more is sent for it, and a callback after it is a late duplicate or a
 * conflict. Idempotent: a dispatch already settled, or a deployment this service never dispatched, is left as
 * it is. A deployment that succeeded is also told to the toolchain as a CDEvent ({@link PublishCdEvents}: the one
 * handler of the type in this service serves both features).
 */
@Component
class DeploymentEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeploymentEventHandlers.class);

    /** Our own reading of {@code deployment.requested.v1}: only the fields used here. */
    record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment, String version,
            String commitSha, Target target, @Nullable Instant deadline) {

        /** The deploy target as copied onto the deployment: settings and the sealed credential for a vendor only. */
        record Target(String type, String url, @Nullable Map<String, String> settings,
                @Nullable String credentialSealed) {
        }
    }

    /** Our own reading of {@code deployment.succeeded.v1}: the deployment, and what its CDEvent tells. */
    record DeploymentSucceeded(UUID deploymentId, @Nullable UUID changeId, String service, String environment,
            String version, @Nullable String commitSha) {
    }

    /** Our own reading of {@code deployment.failed.v1}: the fields used here. */
    record DeploymentFailed(UUID deploymentId, String reason) {
    }

    private final RequestDispatch dispatch;
    private final SettleDispatch settle;
    private final PublishCdEvents cdEvents;

    DeploymentEventHandlers(RequestDispatch dispatch, SettleDispatch settle, PublishCdEvents cdEvents) {
        this.dispatch = dispatch;
        this.settle = settle;
        this.cdEvents = cdEvents;
    }

    @HandlesEvent("deployment.requested.v1")
    void onRequested(DeploymentRequested requested, InboundEvent event) {
        var settings = requested.target().settings();
        var outcome = dispatch.request(new DeploymentRequest(requested.deploymentId(), requested.changeId(),
                requested.service(), requested.environment(), requested.version(), requested.commitSha(),
                new io.passerelle.integrationservice.executor.Target(requested.target().type(),
                        requested.target().url(), settings == null ? Map.of() : settings,
                        requested.target().credentialSealed()), requested.deadline()));
        log.info("Deployment {} by {} to {}: {} (event {})", requested.deploymentId(), requested.target().type(),
                requested.target().url(), outcome, event.id());
    }

    @HandlesEvent("deployment.succeeded.v1")
    void onSucceeded(DeploymentSucceeded succeeded, InboundEvent event) {
        settle(succeeded.deploymentId(), DeploymentOutcome.SUCCEEDED, null, event);
        cdEvents.deployed(event.id(), event.time(), new ServiceEvents.Deployed(succeeded.deploymentId(),
                succeeded.changeId(), succeeded.service(), succeeded.environment(), succeeded.version(),
                succeeded.commitSha(), null));
    }

    @HandlesEvent("deployment.failed.v1")
    void onFailed(DeploymentFailed failed, InboundEvent event) {
        settle(failed.deploymentId(), DeploymentOutcome.FAILED, failed.reason(), event);
    }

    private void settle(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason, InboundEvent event) {
        var settled = settle.settle(deploymentId, outcome, reason) == SettleDispatch.Outcome.SETTLED;
        log.info("Deployment {} {}: {} (event {})", deploymentId, outcome,
                settled ? "dispatch settled, nothing more is sent" : "no dispatch left to settle", event.id());
    }
}
