package io.passerelle.incidentservice.deployment.port;

import java.time.Instant;
import java.util.List;

import io.passerelle.incidentservice.deployment.FinishedDeployment;

/** The projection of finished deployments (port). */
public interface Deployments {

    /** Records the deployment; false when it was already known (its first outcome stays). */
    boolean record(FinishedDeployment deployment);

    /** The service's deployments to the environment that finished in {@code [from, to]}, both ends included. */
    List<FinishedDeployment> finishedBetween(String service, String environment, Instant from, Instant to);
}
