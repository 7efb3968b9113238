package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline finished green on the default branch of a catalogued repository; the subject is service/run. A re-run
 * of the same run counts {@code runAttempt} up; {@code runNumber} counts the runs of the pipeline. The evidence is
 * what the payload carries: when the head commit was made, and the commits it names (a GitHub workflow_run names its
 * head commit only).
 */
@EventType("pipeline.succeeded.v1")
public record PipelineSucceeded(String service, String repository, String branch, String commitSha, String runId,
        @Nullable String runUrl, @Nullable String pipelineName, @Nullable String actor, String provider,
        String deliveryId, Instant finishedAt, @Nullable Long runNumber, @Nullable Integer runAttempt,
        @Nullable Instant headCommitAt, @Nullable List<PipelineCommit> commits) implements DomainEvent {

    @Override
    public String subject() {
        return service + "/" + runId;
    }
}
