package io.passerelle.integrationservice.github;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A commit a pipeline event names: its SHA, the first line of its message, when it was made. */
public record PipelineCommit(String sha, @Nullable String message, @Nullable Instant committedAt) {
}
