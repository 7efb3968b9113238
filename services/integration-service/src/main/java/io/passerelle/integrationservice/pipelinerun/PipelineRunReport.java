package io.passerelle.integrationservice.pipelinerun;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A finished run as a CI reports it: on which service, commit and branch, green or not, where to see it, and what it
 * proved ({@code tests} counted, {@code checks} each with its result). {@code pipeline} names the check (default
 * {@value #DEFAULT_PIPELINE}); {@code runId} defaults to the Idempotency-Key; {@code conclusion}: how a run that did
 * not succeed ended, as its CI names it ({@value #FAILURE} unless told).
 */
public record PipelineRunReport(String service, String commit, String branch, boolean success,
        @Nullable String runUrl, @Nullable String runId, @Nullable String pipeline, @Nullable Instant finishedAt,
        @Nullable Long runNumber, @Nullable Tests tests, List<Check> checks, String conclusion) {

    public static final String DEFAULT_PIPELINE = "ci";
    /** How a run that did not succeed ended, unless its CI names it otherwise. */
    public static final String FAILURE = "failure";

    public PipelineRunReport {
        checks = List.copyOf(checks);
        if (!success && "success".equals(conclusion)) {
            throw new IllegalArgumentException("a run that did not succeed cannot conclude 'success'");
        }
    }

    /** A run whose failure is a plain {@value #FAILURE}. */
    public PipelineRunReport(String service, String commit, String branch, boolean success, @Nullable String runUrl,
            @Nullable String runId, @Nullable String pipeline, @Nullable Instant finishedAt, @Nullable Long runNumber,
            @Nullable Tests tests, List<Check> checks) {
        this(service, commit, branch, success, runUrl, runId, pipeline, finishedAt, runNumber, tests, checks,
                success ? "success" : FAILURE);
    }

    /** How many tests passed, failed, were skipped. */
    public record Tests(@Nullable Integer passed, @Nullable Integer failed, @Nullable Integer skipped) {
    }

    /** A check the run ran, by name, with its result. */
    public record Check(String name, boolean success) {
    }
}
