package io.passerelle.integrationservice.github;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a GitHub {@code workflow_run} that matter here.
 *
 * @param name the workflow's name (GitHub shows the workflow file's path for a workflow without one)
 * @param runNumber counts the runs of the workflow up ({@code run_number}); {@code runAttempt} the re-runs of this one
 * @param headRepository {@code head_repository.full_name}: another repository for a run of a fork's pull request
 * @param actor the login that ran it
 */
public record WorkflowRun(@Nullable Long id, @Nullable String name, @Nullable String headBranch,
        @Nullable String headSha, @Nullable String conclusion, @Nullable String htmlUrl, @Nullable Instant updatedAt,
        @Nullable String actor, @Nullable Long runNumber, @Nullable Integer runAttempt,
        @Nullable String headRepository, @Nullable HeadCommit headCommit) {

    /** {@code head_commit}: the only commit a workflow_run names. */
    public record HeadCommit(@Nullable String id, @Nullable String message, @Nullable Instant timestamp) {
    }
}
