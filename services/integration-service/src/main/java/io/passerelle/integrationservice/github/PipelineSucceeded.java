package io.passerelle.integrationservice.github;

import java.time.Instant;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A pipeline finished green on the default branch of a catalogued repository; the subject is service/run. */
@EventType("pipeline.succeeded.v1")
public record PipelineSucceeded(String service, String repository, String branch, String commitSha, String runId,
        @Nullable String runUrl, @Nullable String pipelineName, @Nullable String actor, String provider,
        String deliveryId, Instant finishedAt) implements DomainEvent {

    @Override
    public String subject() {
        return service + "/" + runId;
    }
}
