package io.passerelle.incident.deployment.messaging;

import io.passerelle.incident.deployment.Deployments;
import io.passerelle.incident.deployment.Outcome;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

@Component
class DeploymentSucceededHandler implements EventHandler {

    private final Deployments deployments;

    DeploymentSucceededHandler(Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public String type() {
        return "deployment.succeeded.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        deployments.record(event.dataAs(DeploymentFinished.class).as(Outcome.SUCCEEDED));
    }
}
