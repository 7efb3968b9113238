package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A version of a service built from one commit by a green pipeline. There is one release per service and commit:
 * a re-run or a matrix sibling of the same commit is the same release. Its deployments are requested on behalf of
 * {@code requestedBy}, the pipeline's actor.
 */
public record Release(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
        String requestedBy, Instant recordedAt) {

    static final Pattern COMMIT_SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    static final int VERSION_LENGTH = 12;

    /** A release of {@code service} from a green pipeline run on {@code commitSha} by {@code actor}. */
    public static Release fromPipeline(String service, String commitSha, @Nullable String runUrl,
            @Nullable String actor, Instant at) {
        if (!COMMIT_SHA.matcher(commitSha).matches()) {
            throw new IllegalArgumentException("commit SHA '" + commitSha + "' must be 7 to 40 lower-case hex digits");
        }
        var version = commitSha.substring(0, Math.min(VERSION_LENGTH, commitSha.length()));
        var requestedBy = "pipeline:" + (actor == null || actor.isBlank() ? "unknown" : actor);
        return new Release(UUID.randomUUID(), service, version, commitSha, runUrl, requestedBy, at);
    }

    public ReleaseRecorded recorded() {
        return new ReleaseRecorded(id, service, version, commitSha, runUrl, recordedAt);
    }
}
