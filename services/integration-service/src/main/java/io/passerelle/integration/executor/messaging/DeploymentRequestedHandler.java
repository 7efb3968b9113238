package io.passerelle.integration.executor.messaging;

import java.util.UUID;

import io.passerelle.integration.executor.DeploymentRequest;
import io.passerelle.integration.executor.DispatchDeployment;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code deployment.requested.v1} → signed call to the deploy target → the outcome event, in the inbox transaction. */
@Component
class DeploymentRequestedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRequestedHandler.class);

    /** Our own reading of the event: only the fields used here. */
    record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment, String version,
            String commitSha, Target target) {
    }

    record Target(String type, String url) {
    }

    private final DispatchDeployment dispatch;

    DeploymentRequestedHandler(DispatchDeployment dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public String type() {
        return "deployment.requested.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var requested = event.dataAs(DeploymentRequested.class);
        var outcome = dispatch.dispatch(new DeploymentRequest(requested.deploymentId(), requested.changeId(),
                requested.service(), requested.environment(), requested.version(), requested.commitSha(),
                requested.target().type(), requested.target().url()));
        if (outcome.isEmpty()) {
            log.info("Deployment {} was already dispatched; event {} ignored", requested.deploymentId(), event.id());
        } else {
            log.info("Deployment {} to {}: {}", requested.deploymentId(), requested.target().url(), outcome.get());
        }
    }
}
