package io.passerelle.integrationservice.executor.port;

import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Observed;

/** Reads GitHub's {@code deployment_status} events (port; the GitHub Deployments executor's adapter). */
public interface DeploymentStatuses {

    /**
     * A status of a GitHub deployment: which of Passerelle's deployments it names (in the deployment's payload),
     * GitHub's deployment id, and where it stands.
     */
    record Status(UUID deploymentId, long githubDeploymentId, Observed observed) {
    }

    /**
     * @return empty when the event is of a deployment Passerelle did not create
     * @throws IllegalArgumentException when the body is not a deployment_status event
     */
    Optional<Status> read(byte[] body);
}
