package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.TrackDispatch;
import io.passerelle.releaseservice.deployment.TrackDispatch.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How integration-service's dispatch of a requested deployment went: dispatched → the deployment is in progress
 * since the target accepted it; dispatch failed → the deployment failed (deployment.failed.v1).
 */
@Component
class DispatchEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(DispatchEventHandlers.class);

    private final TrackDispatch dispatch;

    DispatchEventHandlers(TrackDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @HandlesEvent("deployment.dispatched.v1")
    void onDispatched(DeploymentDispatched data, InboundEvent event) {
        if (dispatch.dispatched(data.deploymentId(), data.dispatchedAt()) == Outcome.IGNORED) {
            log.info("Ignored {} {}: deployment {} is unknown or no longer requested (its outcome came first)",
                    event.type(), event.id(), data.deploymentId());
        }
    }

    @HandlesEvent("deployment.dispatch-failed.v1")
    void onDispatchFailed(DeploymentDispatchFailed data, InboundEvent event) {
        // the executor's reason says what happened ("deploy target answered HTTP 500 on each of 3 attempts")
        if (dispatch.dispatchFailed(data.deploymentId(), data.reason(), data.failedAt()) == Outcome.IGNORED) {
            log.info("Ignored {} {}: deployment {} is unknown or already finished", event.type(), event.id(),
                    data.deploymentId());
        }
    }

    /** Our copy of the fields we read. */
    record DeploymentDispatched(UUID deploymentId, Instant dispatchedAt) {
    }

    /** Our copy of the fields we read. */
    record DeploymentDispatchFailed(UUID deploymentId, String reason, Instant failedAt) {
    }
}
