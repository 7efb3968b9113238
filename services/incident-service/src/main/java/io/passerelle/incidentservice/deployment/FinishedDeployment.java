package io.passerelle.incidentservice.deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deployment of a service to an environment that has finished, as far as incident management needs to know it.
 * {@code startedAt} is when it began rolling out, when the event said (deployment events carry it optionally).
 * {@code madeBy}: the tool that made it outside Passerelle's change control ({@code deployment.observed.v1}; no
 * change, the commit when the tool said it), absent for Passerelle's own deployments.
 */
public record FinishedDeployment(UUID deploymentId, String service, String environment, String version,
        @Nullable String commitSha, @Nullable UUID changeId, Outcome outcome, @Nullable Instant startedAt,
        Instant finishedAt, @Nullable String madeBy) {

    public FinishedDeployment {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (madeBy == null) {
            Objects.requireNonNull(commitSha, "commitSha");
        }
    }

    /** A deployment Passerelle carried out (release-service's). */
    public FinishedDeployment(UUID deploymentId, String service, String environment, String version, String commitSha,
            @Nullable UUID changeId, Outcome outcome, @Nullable Instant startedAt, Instant finishedAt) {
        this(deploymentId, service, environment, version, commitSha, changeId, outcome, startedAt, finishedAt, null);
    }

    /**
     * When it began to change the environment: its start, or its end when the start is unknown (or, from a confused
     * clock, later than its end).
     */
    public Instant began() {
        return startedAt == null || startedAt.isAfter(finishedAt) ? finishedAt : startedAt;
    }

    /** The first 7 characters of the commit, as git shows it; {@value #UNKNOWN_COMMIT} when the tool did not say it. */
    public String shortCommit() {
        return abbreviated(commitSha);
    }

    /** What a suspect's name says of a commit the tool that deployed did not tell. */
    public static final String UNKNOWN_COMMIT = "unknown";

    /** The first 7 characters of a commit, as git shows it. */
    public static String abbreviated(@Nullable String commitSha) {
        if (commitSha == null) {
            return UNKNOWN_COMMIT;
        }
        return commitSha.length() > 7 ? commitSha.substring(0, 7) : commitSha;
    }
}
