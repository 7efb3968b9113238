package io.passerelle.releaseservice.deployment.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.TrackDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** deployment.dispatched.v1 → the requested deployment is in progress since the target accepted it. */
@Component
class DeploymentDispatchedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDispatchedHandler.class);

    private final TrackDispatch dispatch;

    DeploymentDispatchedHandler(TrackDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public String type() {
        return "deployment.dispatched.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(DeploymentDispatched.class);
        if (!dispatch.dispatched(data.deploymentId(), data.dispatchedAt())) {
            log.info("Ignored {} {}: deployment {} is unknown or no longer requested (its outcome came first)",
                    event.type(), event.id(), data.deploymentId());
        }
    }

    record DeploymentDispatched(UUID deploymentId, Instant dispatchedAt) {
    }
}
