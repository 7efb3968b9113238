package io.passerelle.integrationservice.cdevents;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Deployments as CDEvents service events: the first version of a service in an environment is
 * {@code service.deployed}, another version after it {@code service.upgraded} (the same version again is deployed
 * anew), and a rollback that succeeded {@code service.rolledback} to the version it restored. Subject: the service in
 * that environment ({@code payments/production}); artifact: the version as a package URL.
 */
public final class ServiceEvents {

    private ServiceEvents() {
    }

    /** A deployment that succeeded; {@code previousVersion} is the version that ran there before, if any. */
    public record Deployed(UUID deploymentId, @Nullable UUID changeId, String service, String environment,
            String version, @Nullable String commitSha, @Nullable String previousVersion) {
    }

    /** A rollback deployment that succeeded, and the version it restored. */
    public record RolledBack(UUID deploymentId, UUID rolledBackDeploymentId, @Nullable UUID changeId, String service,
            String environment, String restoredVersion, @Nullable String reason) {
    }

    static CdEvent deployed(CdEvent.Origin origin, Deployed d) {
        var upgraded = d.previousVersion() != null && !d.previousVersion().equals(d.version());
        return CdEvent.of(upgraded ? CdEventType.SERVICE_UPGRADED : CdEventType.SERVICE_DEPLOYED, origin,
                d.service() + "/" + d.environment(),
                Content.of().put("environment", Content.ref(d.environment()))
                        .put("artifactId", Content.artifact(d.service(), d.version())).map(),
                Content.of().put("deploymentId", d.deploymentId()).put("changeId", d.changeId())
                        .put("service", d.service()).put("version", d.version()).put("commitSha", d.commitSha())
                        .put("previousVersion", d.previousVersion()).map());
    }

    static CdEvent rolledBack(CdEvent.Origin origin, RolledBack r) {
        return CdEvent.of(CdEventType.SERVICE_ROLLEDBACK, origin, r.service() + "/" + r.environment(),
                Content.of().put("environment", Content.ref(r.environment()))
                        .put("artifactId", Content.artifact(r.service(), r.restoredVersion())).map(),
                Content.of().put("deploymentId", r.deploymentId())
                        .put("rolledBackDeploymentId", r.rolledBackDeploymentId()).put("changeId", r.changeId())
                        .put("service", r.service()).put("version", r.restoredVersion()).put("reason", r.reason())
                        .map());
    }
}
