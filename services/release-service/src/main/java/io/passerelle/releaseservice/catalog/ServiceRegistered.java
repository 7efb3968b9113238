package io.passerelle.releaseservice.catalog;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;

/** A service joined the catalog. Carries the webhook secret only sealed. */
@EventType("service.registered.v1")
public record ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
        List<RegisteredEnvironment> environments, Instant registeredAt) implements DomainEvent {

    static ServiceRegistered of(Service service) {
        return new ServiceRegistered(service.name(), service.repository(), service.defaultBranch(),
                service.webhookSecretSealed(), service.environments().stream().map(RegisteredEnvironment::of).toList(),
                service.registeredAt());
    }

    @Override
    public String subject() {
        return service;
    }

    /** An environment as the event carries it: its deploy target under {@code deployTarget}. */
    public record RegisteredEnvironment(String name, int order, boolean requiresApproval, DeployTarget deployTarget) {

        static RegisteredEnvironment of(Environment environment) {
            return new RegisteredEnvironment(environment.name(), environment.order(), environment.requiresApproval(),
                    environment.target());
        }
    }
}
