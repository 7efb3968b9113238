package io.passerelle.releaseservice.catalog;

import java.time.Instant;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A service joined the catalog. Carries the webhook secret only sealed, and no deploy target credential;
 * {@code gitlabProject} only when the service names one (issue 11).
 */
@EventType("service.registered.v1")
public record ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
        List<RegisteredEnvironment> environments, Instant registeredAt, @Nullable String gitlabProject)
        implements DomainEvent {

    /** Without a GitLab project. */
    public ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
            List<RegisteredEnvironment> environments, Instant registeredAt) {
        this(service, repository, defaultBranch, webhookSecretSealed, environments, registeredAt, null);
    }

    static ServiceRegistered of(Service service) {
        return new ServiceRegistered(service.name(), service.repository(), service.defaultBranch(),
                service.webhookSecretSealed(), service.environments().stream().map(RegisteredEnvironment::of).toList(),
                service.registeredAt(), service.gitlabProject());
    }

    @Override
    public String subject() {
        return service;
    }

    /** An environment as the event carries it: its deploy target under {@code deployTarget}. */
    public record RegisteredEnvironment(String name, int order, boolean requiresApproval,
            RegisteredTarget deployTarget) {

        static RegisteredEnvironment of(Environment environment) {
            var target = environment.target();
            return new RegisteredEnvironment(environment.name(), environment.order(), environment.requiresApproval(),
                    new RegisteredTarget(target.type(), target.url(),
                            target.settings().isEmpty() ? null : target.settings()));
        }
    }

    /**
     * A deploy target as the catalog event tells it: never its credential, not even sealed (the credential travels
     * with each deployment, in {@code deployment.requested.v1}); no settings (a webhook's): left out.
     */
    public record RegisteredTarget(String type, URI url, @Nullable Map<String, String> settings) {
    }
}
