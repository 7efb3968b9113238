package io.passerelle.incidentservice.deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A deployment of a service to an environment that has finished, as far as incident management needs to know it. */
public record FinishedDeployment(UUID deploymentId, String service, String environment, String version,
        String commitSha, @Nullable UUID changeId, Outcome outcome, Instant finishedAt) {

    public FinishedDeployment {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** The first 7 characters of the commit, as git shows it. */
    public String shortCommit() {
        return commitSha.length() > 7 ? commitSha.substring(0, 7) : commitSha;
    }
}
