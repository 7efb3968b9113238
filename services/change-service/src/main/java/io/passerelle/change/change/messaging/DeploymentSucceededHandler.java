package io.passerelle.change.change.messaging;

import java.util.UUID;

import io.passerelle.change.change.RecordDeploymentOutcome;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** deployment.succeeded.v1 → the deployment's change is closed. */
@Component
class DeploymentSucceededHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentSucceededHandler.class);

    private final RecordDeploymentOutcome outcomes;

    DeploymentSucceededHandler(RecordDeploymentOutcome outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String type() {
        return "deployment.succeeded.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var deploymentId = event.dataAs(DeploymentSucceeded.class).deploymentId();
        var result = outcomes.succeeded(deploymentId);
        switch (result) {
            case RECORDED -> log.info("Deployment {} succeeded: its change is closed", deploymentId);
            case NO_CHANGE, NOT_AUTHORIZED -> log.warn("Deployment {} succeeded but {}: event {} ignored", deploymentId,
                    result.description(), event.id());
        }
    }

    /** Only the fields this service uses (tolerant reader). */
    record DeploymentSucceeded(UUID deploymentId) {
    }
}
