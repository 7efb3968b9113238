package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline completed without succeeding on the default branch of a catalogued repository: {@code conclusion} as the
 * provider names it ({@code failure}, {@code cancelled}, {@code timed_out}, …); the other fields as in
 * {@link PipelineSucceeded}. The subject is service/run.
 */
@EventType("pipeline.failed.v1")
public record PipelineFailed(String service, String repository, String branch, String commitSha, String runId,
        @Nullable String runUrl, @Nullable String pipelineName, @Nullable String actor, String provider,
        String deliveryId, Instant finishedAt, String conclusion, @Nullable Long runNumber,
        @Nullable Integer runAttempt, @Nullable Instant headCommitAt, @Nullable List<PipelineCommit> commits)
        implements DomainEvent {

    @Override
    public String subject() {
        return service + "/" + runId;
    }
}
