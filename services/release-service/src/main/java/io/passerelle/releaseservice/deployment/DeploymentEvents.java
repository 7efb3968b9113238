package io.passerelle.releaseservice.deployment;

import java.util.List;

/** Publishes release and deployment events to other services, in the transaction of the change. */
public interface DeploymentEvents {

    void publish(List<? extends DeploymentEvent> events);
}
