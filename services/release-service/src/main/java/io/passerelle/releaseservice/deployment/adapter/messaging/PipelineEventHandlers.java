package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.CheckResult;
import io.passerelle.releaseservice.deployment.RecordRelease;
import io.passerelle.releaseservice.deployment.RecordRelease.PipelineRun;
import io.passerelle.releaseservice.deployment.Release;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completed pipelines (integration-service), green or not → the latest result of their check on the commit; a green
 * one makes the commit's release, and the release goes into an environment once the checks it requires are green.
 */
@Component
class PipelineEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(PipelineEventHandlers.class);

    private final RecordRelease recordRelease;

    PipelineEventHandlers(RecordRelease recordRelease) {
        this.recordRelease = recordRelease;
    }

    @HandlesEvent("pipeline.succeeded.v1")
    void onSucceeded(PipelineCompleted data, InboundEvent event) {
        record(data, CheckResult.SUCCESS, event);
    }

    @HandlesEvent("pipeline.failed.v1")
    void onFailed(PipelineCompleted data, InboundEvent event) {
        record(data, data.conclusion() == null ? "failure" : data.conclusion(), event);
    }

    private void record(PipelineCompleted data, String conclusion, InboundEvent event) {
        var check = new CheckResult(data.pipelineName() == null || data.pipelineName().isBlank() ? data.runId()
                : data.pipelineName(), data.runId(), data.runNumber(), data.runAttempt(), conclusion, data.runUrl(),
                data.finishedAt());
        var outcome = recordRelease.record(new PipelineRun(data.service(), data.commitSha(), check, data.actor(),
                data.headCommitAt(), data.commits() == null ? List.of()
                        : data.commits().stream().map(c -> new Release.Commit(c.sha(), c.message(), c.committedAt()))
                                .toList()));
        log.info("{} {} of {} at {}, check '{}' attempt {} {}: {}", event.type(), event.id(), data.service(),
                data.commitSha(), check.name(), data.runAttempt(), conclusion, outcome);
    }

    /**
     * Our copy of the fields we read, of either event ({@code conclusion} only in pipeline.failed.v1). A run without
     * a pipeline name is its own check, named by its run id.
     */
    record PipelineCompleted(String service, String commitSha, String runId, @Nullable Long runNumber,
            @Nullable Integer runAttempt, @Nullable String runUrl, @Nullable String pipelineName,
            @Nullable String actor, @Nullable String conclusion, Instant finishedAt, @Nullable Instant headCommitAt,
            @Nullable List<Commit> commits) {
    }

    /** A commit the pipeline named. */
    record Commit(String sha, @Nullable String message, @Nullable Instant committedAt) {
    }
}
