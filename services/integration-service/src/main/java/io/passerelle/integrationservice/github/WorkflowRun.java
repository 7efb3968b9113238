package io.passerelle.integrationservice.github;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The fields of a GitHub {@code workflow_run} that matter here; {@code actor} is the login that ran it. */
public record WorkflowRun(@Nullable Long id, @Nullable String name, @Nullable String headBranch,
        @Nullable String headSha, @Nullable String conclusion, @Nullable String htmlUrl, @Nullable Instant updatedAt,
        @Nullable String actor) {
}
