package io.passerelle.releaseservice.catalog.messaging;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.outbox.Outbox;
import io.passerelle.releaseservice.catalog.CatalogEvents;
import io.passerelle.releaseservice.catalog.ServiceRegistered;
import org.springframework.stereotype.Component;

/** service.registered.v1 in the shape of api-specs/events/service.registered.v1.json. */
@Component
class OutboxCatalogEvents implements CatalogEvents {

    static final String SERVICE_REGISTERED = "service.registered.v1";

    private final Outbox outbox;

    OutboxCatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(ServiceRegistered event) {
        outbox.append(SERVICE_REGISTERED, event.service(), new ServiceRegisteredData(event.service(),
                event.repository(), event.defaultBranch(), event.webhookSecretSealed(),
                event.environments().stream()
                        .map(e -> new EnvironmentData(e.name(), e.order(), e.requiresApproval(),
                                new DeployTargetData(e.target().type(), e.target().url().toString())))
                        .toList(),
                event.registeredAt()));
    }

    record ServiceRegisteredData(String service, String repository, String defaultBranch, String webhookSecretSealed,
            List<EnvironmentData> environments, Instant registeredAt) {
    }

    record EnvironmentData(String name, int order, boolean requiresApproval, DeployTargetData deployTarget) {
    }

    record DeployTargetData(String type, String url) {
    }
}
