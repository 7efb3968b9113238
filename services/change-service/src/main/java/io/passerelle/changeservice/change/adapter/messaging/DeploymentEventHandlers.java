package io.passerelle.change.change.messaging;

import java.util.UUID;

import io.passerelle.change.change.RaiseChange;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** deployment.planned.v1 → the change that deployment needs (one per deployment). */
@Component
class DeploymentPlannedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentPlannedHandler.class);

    private final RaiseChange raiseChange;

    DeploymentPlannedHandler(RaiseChange raiseChange) {
        this.raiseChange = raiseChange;
    }

    @Override
    public String type() {
        return "deployment.planned.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(DeploymentPlanned.class);
        raiseChange.forDeployment(new RaiseChange.PlannedDeployment(data.deploymentId(), data.releaseId(),
                        data.service(), data.environment(), data.version(), data.requiresApproval(), data.requestedBy()))
                .ifPresentOrElse(
                        change -> log.info("Raised {} for deployment {}", change, data.deploymentId()),
                        () -> log.info("Deployment {} already has a change; event {} ignored", data.deploymentId(),
                                event.id()));
    }

    /** Only the fields this service uses (tolerant reader). */
    record DeploymentPlanned(UUID deploymentId, UUID releaseId, String service, String environment, String version,
            boolean requiresApproval, String requestedBy) {
    }
}
