package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import java.util.Optional;

import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.port.DeploymentStatuses;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code deployment_status} events read by {@link DeploymentStatusEvent}, as the executor sees a deployment. */
@Component
class GithubDeploymentStatuses implements DeploymentStatuses {

    private final DeploymentStatusEvent events;

    GithubDeploymentStatuses(JsonMapper json) {
        this.events = new DeploymentStatusEvent(json);
    }

    @Override
    public Optional<Status> read(byte[] body) {
        return events.read(body).map(notified -> new Status(notified.deploymentId(), notified.githubDeploymentId(),
                switch (notified.status()) {
                    case GithubDeploymentStatus.Running running -> new Observed.Running(
                            Long.toString(notified.githubDeploymentId()), "GitHub deployment " + running.state());
                    case GithubDeploymentStatus.Succeeded succeeded -> new Observed.Succeeded();
                    case GithubDeploymentStatus.Failed failed -> new Observed.Failed(failed.reason());
                }));
    }
}
