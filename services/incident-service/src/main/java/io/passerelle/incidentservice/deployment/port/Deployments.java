package io.passerelle.incidentservice.deployment.port;

import java.time.Instant;
import java.util.List;

import io.passerelle.incidentservice.deployment.FinishedDeployment;

/** The projection of finished deployments (port). */
public interface Deployments {

    /** Records the deployment; false when it was already known (its first outcome stays). */
    boolean record(FinishedDeployment deployment);

    /**
     * The service's deployments to the environment that were under way or in place at some time in
     * {@code [from, to]}: they began at or before {@code to} and finished at or after {@code from}.
     */
    List<FinishedDeployment> inEffectBetween(String service, String environment, Instant from, Instant to);
}
