package io.passerelle.incident.deployment.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incident.deployment.FinishedDeployment;
import io.passerelle.incident.deployment.Outcome;
import org.jspecify.annotations.Nullable;

/** Our own reading of deployment.succeeded.v1 / deployment.failed.v1 data: only the fields we keep. */
record DeploymentFinished(UUID deploymentId, String service, String environment, String version, String commitSha,
        @Nullable UUID changeId, Instant finishedAt) {

    FinishedDeployment as(Outcome outcome) {
        return new FinishedDeployment(deploymentId, service, environment, version, commitSha, changeId, outcome,
                finishedAt);
    }
}
