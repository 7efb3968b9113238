package io.passerelle.integration.github;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A pipeline finished green on the default branch of a catalogued repository. */
public record PipelineSucceeded(String service, String repository, String branch, String commitSha, String runId,
        @Nullable String runUrl, @Nullable String pipelineName, @Nullable String actor, String provider,
        String deliveryId, Instant finishedAt) {
}
