package io.passerelle.releaseservice.deployment.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.TrackDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** deployment.dispatch-failed.v1 → the deployment failed (deployment.failed.v1). */
@Component
class DeploymentDispatchFailedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDispatchFailedHandler.class);

    private final TrackDispatch dispatch;

    DeploymentDispatchFailedHandler(TrackDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public String type() {
        return "deployment.dispatch-failed.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(DeploymentDispatchFailed.class);
        // the executor's reason says what happened ("deploy target answered HTTP 500 on each of 3 attempts")
        if (!dispatch.dispatchFailed(data.deploymentId(), data.reason(), data.failedAt())) {
            log.info("Ignored {} {}: deployment {} is unknown or already finished", event.type(), event.id(),
                    data.deploymentId());
        }
    }

    record DeploymentDispatchFailed(UUID deploymentId, String reason, Instant failedAt) {
    }
}
