package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A green pipeline made a new release of a catalogued service. The evidence is what the pipeline gave: when the head
 * commit was made, the commits it named, and the results of the checks known on the commit when it was recorded.
 */
@EventType("release.recorded.v1")
public record ReleaseRecorded(UUID releaseId, String service, String version, String commitSha,
        @Nullable String runUrl, Instant recordedAt, @Nullable Instant headCommitAt,
        @Nullable List<Release.Commit> commits, @Nullable List<CheckResult> checks) implements DomainEvent {

    @Override
    public String subject() {
        return releaseId.toString();
    }
}
