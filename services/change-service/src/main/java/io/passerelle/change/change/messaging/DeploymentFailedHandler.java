package io.passerelle.change.change.messaging;

import java.util.UUID;

import io.passerelle.change.change.RecordDeploymentOutcome;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** deployment.failed.v1 → the deployment's change failed, with the deployment's reason. */
@Component
class DeploymentFailedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentFailedHandler.class);

    private final RecordDeploymentOutcome outcomes;

    DeploymentFailedHandler(RecordDeploymentOutcome outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String type() {
        return "deployment.failed.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(DeploymentFailed.class);
        var result = outcomes.failed(data.deploymentId(), data.reason());
        switch (result) {
            case RECORDED -> log.info("Deployment {} failed: its change failed", data.deploymentId());
            case NO_CHANGE, NOT_AUTHORIZED -> log.warn("Deployment {} failed but {}: event {} ignored",
                    data.deploymentId(), result.description(), event.id());
        }
    }

    /** Only the fields this service uses (tolerant reader). */
    record DeploymentFailed(UUID deploymentId, @Nullable String reason) {
    }
}
