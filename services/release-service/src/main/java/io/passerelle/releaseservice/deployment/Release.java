package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.passerelle.releaseservice.deployment.CommitChecks.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * A version of a service built from one commit by a green pipeline. There is one release per service and commit:
 * a re-run or a matrix sibling of the same commit is the same release. Its deployments are requested on behalf of
 * {@code requestedBy}, the pipeline's actor. It carries the evidence the pipeline gave (when the head commit was made,
 * the commits it named) and, while the checks an environment requires are not all green on its commit, the
 * environment it waits to go into and why ({@link #admit}).
 */
public final class Release {

    static final Pattern COMMIT_SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    static final int VERSION_LENGTH = 12;
    /** A version a pipeline names: letters, digits and {@code . _ + -}, as in semantic versions. */
    static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$");

    private final UUID id;
    private final String service;
    private final String version;
    private final String commitSha;
    private final @Nullable String runUrl;
    private final String requestedBy;
    private final Instant recordedAt;
    private final @Nullable Instant headCommitAt;
    private final List<Commit> commits;
    private @Nullable Hold awaiting;
    private final List<ReleaseRecorded> events = new ArrayList<>();

    private Release(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
            String requestedBy, Instant recordedAt, @Nullable Instant headCommitAt, List<Commit> commits,
            @Nullable Hold awaiting) {
        this.id = id;
        this.service = service;
        this.version = version;
        this.commitSha = commitSha;
        this.runUrl = runUrl;
        this.requestedBy = requestedBy;
        this.recordedAt = recordedAt;
        this.headCommitAt = headCommitAt;
        this.commits = List.copyOf(commits);
        this.awaiting = awaiting;
    }

    /**
     * A release of {@code service} from a green pipeline run on {@code commitSha} by {@code actor}, named
     * {@code version} when given (else the first 12 characters of the commit); registers {@link ReleaseRecorded}.
     */
    public static Release fromPipeline(String service, String commitSha, @Nullable String version,
            @Nullable String runUrl, @Nullable String actor, Instant at) {
        return fromPipeline(service, commitSha, version, runUrl, actor, Evidence.NONE, at);
    }

    /** The same, with the evidence the pipeline gave; {@link ReleaseRecorded} carries it. */
    public static Release fromPipeline(String service, String commitSha, @Nullable String version,
            @Nullable String runUrl, @Nullable String actor, Evidence evidence, Instant at) {
        if (!COMMIT_SHA.matcher(commitSha).matches()) {
            throw new IllegalArgumentException("commit SHA '" + commitSha + "' must be 7 to 40 lower-case hex digits");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "' must match " + VERSION);
        }
        var named = version != null ? version : commitSha.substring(0, Math.min(VERSION_LENGTH, commitSha.length()));
        var requestedBy = "pipeline:" + (actor == null || actor.isBlank() ? "unknown" : actor);
        var release = new Release(UUID.randomUUID(), service, named, commitSha, runUrl, requestedBy, at,
                evidence.headCommitAt(), evidence.commits(), null);
        release.events.add(new ReleaseRecorded(release.id, service, named, commitSha, runUrl, at,
                evidence.headCommitAt(), evidence.commits().isEmpty() ? null : release.commits,
                evidence.checks().isEmpty() ? null : List.copyOf(evidence.checks())));
        return release;
    }

    /** A release as stored. */
    public static Release restore(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
            String requestedBy, Instant recordedAt, @Nullable Instant headCommitAt, List<Commit> commits,
            @Nullable Hold awaiting) {
        return new Release(id, service, version, commitSha, runUrl, requestedBy, recordedAt, headCommitAt, commits,
                awaiting);
    }

    /**
     * Whether the release may go into {@code environment} now, by what its required checks say: it may when all
     * are green (and waits for nothing any more); otherwise it holds, WAITING for the missing ones or STOPPED by the
     * failed ones, the reason naming each (and the run URL of a failed one).
     */
    public boolean admit(String environment, Verdict verdict) {
        awaiting = hold(environment, commitSha, verdict);
        return awaiting == null;
    }

    /** What a release of {@code commitSha} would wait for before {@code environment}: none when it is ready. */
    public static @Nullable Hold hold(String environment, String commitSha, Verdict verdict) {
        return switch (verdict) {
            case Verdict.Ready ready -> null;
            case Verdict.Waiting waiting -> new Hold(environment, Hold.State.WAITING, "waits before " + environment
                    + " for required checks to complete on " + commitSha + ": " + waiting.missing().stream()
                    .map(name -> "'" + name + "'").collect(Collectors.joining(", ")));
            case Verdict.Stopped stopped -> new Hold(environment, Hold.State.STOPPED, "stopped before " + environment
                    + ": required " + stopped.failed().stream().map(CheckResult::described)
                    .collect(Collectors.joining("; ")) + "; a green re-run releases it");
        };
    }

    /** The events registered since the last call. */
    public List<ReleaseRecorded> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public UUID id() {
        return id;
    }

    public String service() {
        return service;
    }

    public String version() {
        return version;
    }

    public String commitSha() {
        return commitSha;
    }

    public @Nullable String runUrl() {
        return runUrl;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** When the head commit was made, if the pipeline said: where lead time for changes starts. */
    public @Nullable Instant headCommitAt() {
        return headCommitAt;
    }

    /** The commits the pipeline named, head first (GitHub's workflow_run names its head commit only). */
    public List<Commit> commits() {
        return commits;
    }

    /** The environment the release waits to go into, and why; none when it waits for nothing. */
    public @Nullable Hold awaiting() {
        return awaiting;
    }

    /** A commit as the pipeline named it. */
    public record Commit(String sha, @Nullable String message, @Nullable Instant committedAt) {
    }

    /** What a pipeline showed about the commit besides the run that made the release. */
    public record Evidence(@Nullable Instant headCommitAt, List<Commit> commits, List<CheckResult> checks) {

        static final Evidence NONE = new Evidence(null, List.of(), List.of());
    }

    /** The release waits to go into {@code environment}: WAITING for checks to complete, or STOPPED by failed ones. */
    public record Hold(String environment, State state, String reason) {

        public enum State { WAITING, STOPPED }
    }
}
