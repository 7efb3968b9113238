package io.passerelle.integrationservice.catalog.adapter.messaging;

import java.time.Instant;
import java.util.List;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.inbox.HandlesEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Events of release-service's service catalog → the catalog projection. */
@Component
class ServiceEventHandlers {

    /** Our own reading of {@code service.registered.v1}: only the fields used here. */
    record ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
            List<Environment> environments, Instant registeredAt, @Nullable String gitlabProject) {

        record Environment(String name) {
        }
    }

    private final CatalogedServices catalog;

    ServiceEventHandlers(CatalogedServices catalog) {
        this.catalog = catalog;
    }

    /** Upsert by service name (a later registration wins). */
    @HandlesEvent("service.registered.v1")
    void onRegistered(ServiceRegistered registered) {
        catalog.register(new CatalogedService(registered.service(), registered.repository(),
                registered.defaultBranch(), registered.webhookSecretSealed(), registered.registeredAt(),
                registered.environments().stream().map(ServiceRegistered.Environment::name).toList(),
                registered.gitlabProject()));
    }
}
