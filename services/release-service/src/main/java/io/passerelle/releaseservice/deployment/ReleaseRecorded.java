package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record ReleaseRecorded(UUID releaseId, String service, String version, String commitSha,
        @Nullable String runUrl, Instant recordedAt) implements DeploymentEvent {
}
