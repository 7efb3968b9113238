package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A green pipeline made a new release of a catalogued service. */
@EventType("release.recorded.v1")
public record ReleaseRecorded(UUID releaseId, String service, String version, String commitSha,
        @Nullable String runUrl, Instant recordedAt) implements DomainEvent {

    @Override
    public String subject() {
        return releaseId.toString();
    }
}
