package io.passerelle.releaseservice.deployment.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.platform.outbox.Outbox;
import io.passerelle.releaseservice.deployment.DeploymentEvent;
import io.passerelle.releaseservice.deployment.DeploymentEvents;
import io.passerelle.releaseservice.deployment.DeploymentFailed;
import io.passerelle.releaseservice.deployment.DeploymentPlanned;
import io.passerelle.releaseservice.deployment.DeploymentRequested;
import io.passerelle.releaseservice.deployment.DeploymentSucceeded;
import io.passerelle.releaseservice.deployment.ReleaseRecorded;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps the feature's domain events to their logical types and to the data shapes of api-specs/events/ (optional
 * fields are left out rather than null), and appends them to the outbox.
 */
@Component
class OutboxDeploymentEvents implements DeploymentEvents {

    private final Outbox outbox;

    OutboxDeploymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(List<? extends DeploymentEvent> events) {
        events.forEach(this::publish);
    }

    private void publish(DeploymentEvent event) {
        switch (event) {
            case ReleaseRecorded e -> outbox.append("release.recorded.v1", e.releaseId().toString(),
                    new ReleaseRecordedData(e.releaseId(), e.service(), e.version(), e.commitSha(), e.runUrl(),
                            e.recordedAt()));
            case DeploymentPlanned e -> outbox.append("deployment.planned.v1", e.deploymentId().toString(),
                    new DeploymentPlannedData(e.deploymentId(), e.releaseId(), e.service(), e.environment(),
                            e.version(), e.commitSha(), e.requiresApproval(), e.requestedBy(), e.runUrl(),
                            e.plannedAt()));
            case DeploymentRequested e -> outbox.append("deployment.requested.v1", e.deploymentId().toString(),
                    new DeploymentRequestedData(e.deploymentId(), e.changeId(), e.service(), e.environment(),
                            e.version(), e.commitSha(), new TargetData(e.target().type(), e.target().url().toString()),
                            e.requestedAt()));
            case DeploymentSucceeded e -> outbox.append("deployment.succeeded.v1", e.deploymentId().toString(),
                    new DeploymentSucceededData(e.deploymentId(), e.releaseId(), e.changeId(), e.service(),
                            e.environment(), e.version(), e.commitSha(), e.startedAt(), e.finishedAt()));
            case DeploymentFailed e -> outbox.append("deployment.failed.v1", e.deploymentId().toString(),
                    new DeploymentFailedData(e.deploymentId(), e.releaseId(), e.changeId(), e.service(),
                            e.environment(), e.version(), e.commitSha(), e.reason(), e.startedAt(), e.finishedAt()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReleaseRecordedData(UUID releaseId, String service, String version, String commitSha,
            @Nullable String runUrl, Instant recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeploymentPlannedData(UUID deploymentId, UUID releaseId, String service, String environment,
            String version, String commitSha, boolean requiresApproval, String requestedBy, @Nullable String runUrl,
            Instant plannedAt) {
    }

    record DeploymentRequestedData(UUID deploymentId, UUID changeId, String service, String environment,
            String version, String commitSha, TargetData target, Instant requestedAt) {
    }

    record TargetData(String type, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeploymentSucceededData(UUID deploymentId, UUID releaseId, UUID changeId, String service,
            String environment, String version, String commitSha, @Nullable Instant startedAt, Instant finishedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeploymentFailedData(UUID deploymentId, UUID releaseId, @Nullable UUID changeId, String service,
            String environment, String version, String commitSha, String reason, @Nullable Instant startedAt,
            Instant finishedAt) {
    }
}
