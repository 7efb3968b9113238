package io.passerelle.incident.deployment.messaging;

import io.passerelle.incident.deployment.Deployments;
import io.passerelle.incident.deployment.Outcome;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

@Component
class DeploymentFailedHandler implements EventHandler {

    private final Deployments deployments;

    DeploymentFailedHandler(Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public String type() {
        return "deployment.failed.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        deployments.record(event.dataAs(DeploymentFinished.class).as(Outcome.FAILED));
    }
}
