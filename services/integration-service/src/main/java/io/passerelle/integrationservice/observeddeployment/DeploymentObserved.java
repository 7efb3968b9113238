package io.passerelle.integrationservice.observeddeployment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Another tool deployed (or tried to deploy) a catalogued service to one of its environments, outside Passerelle's
 * change control. {@code intake}: how Passerelle learned it ({@code cdevents}, {@code gitlab}); {@code tool}: who
 * deployed (the registered CDEvents sender, {@code gitlab}); {@code source} and {@code externalId}: the tool's own
 * names for it (CloudEvents source and id; the GitLab project and deployment id), from which {@code deploymentId} is
 * derived, so the same deployment told twice has one id. {@code commitSha} when the tool says it.
 */
@EventType("deployment.observed.v1")
public record DeploymentObserved(UUID deploymentId, String service, String environment, String version,
        @Nullable String commitSha, Outcome outcome, Kind kind, String intake, String tool, String source,
        String externalId, @Nullable String url, @Nullable Instant startedAt, Instant finishedAt, Instant observedAt)
        implements DomainEvent {

    /** How the deployment ended. */
    public enum Outcome { SUCCEEDED, FAILED, CANCELED }

    /** What the tool says it did: a first deployment, another version, or a version put back. */
    public enum Kind { deployed, upgraded, rolledback }

    @Override
    public String subject() {
        return deploymentId.toString();
    }

    /** The id of a deployment a tool told through an intake: the same source and id always give the same one. */
    public static UUID idOf(String intake, String source, String externalId) {
        return UUID.nameUUIDFromBytes((intake + " " + source + " " + externalId).getBytes(StandardCharsets.UTF_8));
    }
}
