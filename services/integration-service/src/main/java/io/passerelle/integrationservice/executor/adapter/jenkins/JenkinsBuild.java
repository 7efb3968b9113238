package io.passerelle.integrationservice.executor.adapter.jenkins;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where to follow a deployment queued in Jenkins: its queue item, and once a build started, the build (Jenkins
 * forgets a queue item some minutes after its build started, so the build's URL is kept as soon as it is known).
 */
public record JenkinsBuild(String queueItemUrl, @Nullable String buildUrl, UUID deploymentId) {
}
