package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Deployment {@code rolledBackDeploymentId} was undone: rollback deployment {@code deploymentId} put release
 * {@code restoredReleaseId} ({@code restoredVersion}) back in its environment, for {@code reason}.
 */
@EventType("deployment.rolled-back.v1")
public record DeploymentRolledBack(UUID deploymentId, UUID rolledBackDeploymentId, @Nullable UUID changeId,
        String service, String environment, UUID restoredReleaseId, String restoredVersion, String reason,
        boolean emergency, Instant rolledBackAt) implements DeploymentEvent {
}
