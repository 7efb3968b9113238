package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one run of a check (a workflow) ended on a commit. Only {@value #SUCCESS} is green. Runs are ordered by their
 * number, then their attempt: a re-run of the same run counts its attempts up, a new run of the same workflow takes
 * the next number (GitHub's {@code run_number}, {@code run_attempt}).
 *
 * @param conclusion as the pipeline names it: {@code success}, {@code failure}, {@code cancelled}, {@code timed_out}…
 */
public record CheckResult(String name, String runId, @Nullable Long runNumber, @Nullable Integer runAttempt,
        String conclusion, @Nullable String runUrl, Instant finishedAt) {

    public static final String SUCCESS = "success";

    public CheckResult {
        if (name.isBlank() || runId.isBlank() || conclusion.isBlank()) {
            throw new IllegalArgumentException("a check result needs a name, a run id and a conclusion");
        }
    }

    public boolean green() {
        return SUCCESS.equals(conclusion);
    }

    /**
     * Whether this result is newer than {@code kept}, the result of the same check kept so far: a later attempt of
     * the same run, or a later run. Where a producer numbers neither, the result that arrives last is the newer.
     * The same attempt again is not newer.
     */
    boolean supersedes(CheckResult kept) {
        if (runId.equals(kept.runId)) {
            return runAttempt == null || kept.runAttempt == null ? !equals(kept) : runAttempt > kept.runAttempt;
        }
        if (runNumber == null || kept.runNumber == null) {
            return true;
        }
        return runNumber > kept.runNumber
                || Objects.equals(runNumber, kept.runNumber) && finishedAt.isAfter(kept.finishedAt);
    }

    /** {@code 'name' is <conclusion> (<run URL>)}: how a reason names it. */
    String described() {
        return "'" + name + "' is " + conclusion + (runUrl == null ? "" : " (" + runUrl + ")");
    }
}
