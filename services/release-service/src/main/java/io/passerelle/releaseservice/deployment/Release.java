package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A version of a service built from one commit by a green pipeline. There is one release per service and commit:
 * a re-run or a matrix sibling of the same commit is the same release. Its deployments are requested on behalf of
 * {@code requestedBy}, the pipeline's actor.
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
    private final List<ReleaseRecorded> events = new ArrayList<>();

    private Release(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
            String requestedBy, Instant recordedAt) {
        this.id = id;
        this.service = service;
        this.version = version;
        this.commitSha = commitSha;
        this.runUrl = runUrl;
        this.requestedBy = requestedBy;
        this.recordedAt = recordedAt;
    }

    /**
     * A release of {@code service} from a green pipeline run on {@code commitSha} by {@code actor}; registers
     * {@link ReleaseRecorded}.
     */
    public static Release fromPipeline(String service, String commitSha, @Nullable String runUrl,
            @Nullable String actor, Instant at) {
        return fromPipeline(service, commitSha, null, runUrl, actor, at);
    }

    /** The same, named {@code version} when given (else the first 12 characters of the commit). */
    public static Release fromPipeline(String service, String commitSha, @Nullable String version,
            @Nullable String runUrl, @Nullable String actor, Instant at) {
        if (!COMMIT_SHA.matcher(commitSha).matches()) {
            throw new IllegalArgumentException("commit SHA '" + commitSha + "' must be 7 to 40 lower-case hex digits");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "' must match " + VERSION);
        }
        var named = version != null ? version : commitSha.substring(0, Math.min(VERSION_LENGTH, commitSha.length()));
        var requestedBy = "pipeline:" + (actor == null || actor.isBlank() ? "unknown" : actor);
        var release = new Release(UUID.randomUUID(), service, named, commitSha, runUrl, requestedBy, at);
        release.events.add(new ReleaseRecorded(release.id, service, named, commitSha, runUrl, at));
        return release;
    }

    /** A release as stored. */
    public static Release restore(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
            String requestedBy, Instant recordedAt) {
        return new Release(id, service, version, commitSha, runUrl, requestedBy, recordedAt);
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
}
