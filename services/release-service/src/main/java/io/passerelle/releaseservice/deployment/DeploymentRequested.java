package io.passerelle.releaseservice.deployment;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import io.passerelle.releaseservice.catalog.DeployTarget;
import org.jspecify.annotations.Nullable;

/**
 * An authorized deployment must be carried out by the environment's deploy target (as copied onto the deployment when
 * it was planned); no outcome is taken after {@code deadline} (authorization + the environment's deployment timeout).
 */
@EventType("deployment.requested.v1")
public record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment,
        String version, String commitSha, Target target, Instant requestedAt, Instant deadline)
        implements DeploymentEvent {

    /**
     * The deploy target on the wire: {@code type}, {@code url}, its {@code settings} and its credential still sealed
     * ({@code credentialSealed}; integration-service unseals it only to call); both left out for a webhook.
     */
    public record Target(String type, URI url, @Nullable Map<String, String> settings,
            @Nullable String credentialSealed) {

        static Target of(DeployTarget target) {
            return new Target(target.type(), target.url(), target.settings().isEmpty() ? null : target.settings(),
                    target.credentialSealed());
        }

        @Override
        public String toString() {
            return "Target[" + type + ", " + url + ", " + settings + "]";
        }
    }
}
