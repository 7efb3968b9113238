package io.passerelle.incidentservice.deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deployment of a service to an environment that has finished, as far as incident management needs to know it.
 * {@code startedAt} is when it began rolling out, when the event said (deployment events carry it optionally).
 */
public record FinishedDeployment(UUID deploymentId, String service, String environment, String version,
        String commitSha, @Nullable UUID changeId, Outcome outcome, @Nullable Instant startedAt, Instant finishedAt) {

    public FinishedDeployment {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * When it began to change the environment: its start, or its end when the start is unknown (or, from a confused
     * clock, later than its end).
     */
    public Instant began() {
        return startedAt == null || startedAt.isAfter(finishedAt) ? finishedAt : startedAt;
    }

    /** The first 7 characters of the commit, as git shows it. */
    public String shortCommit() {
        return abbreviated(commitSha);
    }

    /** The first 7 characters of a commit, as git shows it. */
    public static String abbreviated(String commitSha) {
        return commitSha.length() > 7 ? commitSha.substring(0, 7) : commitSha;
    }
}
