package io.passerelle.integrationservice.pipelinerun;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A finished run as a CI reports it: on which service, commit and branch, green or not, where to see it, and what it
 * proved ({@code tests} counted, {@code checks} each with its result). {@code pipeline} names the check (default
 * {@value #DEFAULT_PIPELINE}); {@code runId} defaults to the Idempotency-Key.
 */
public record PipelineRunReport(String service, String commit, String branch, boolean success,
        @Nullable String runUrl, @Nullable String runId, @Nullable String pipeline, @Nullable Instant finishedAt,
        @Nullable Long runNumber, @Nullable Tests tests, List<Check> checks) {

    public static final String DEFAULT_PIPELINE = "ci";

    public PipelineRunReport {
        checks = List.copyOf(checks);
    }

    /** How many tests passed, failed, were skipped. */
    public record Tests(@Nullable Integer passed, @Nullable Integer failed, @Nullable Integer skipped) {
    }

    /** A check the run ran, by name, with its result. */
    public record Check(String name, boolean success) {
    }
}
