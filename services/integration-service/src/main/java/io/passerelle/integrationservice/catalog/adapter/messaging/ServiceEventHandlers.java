package io.passerelle.integration.catalog.messaging;

import java.time.Instant;

import io.passerelle.integration.catalog.CatalogedService;
import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

/** {@code service.registered.v1} → the catalog projection (upsert by service name). */
@Component
class ServiceRegisteredHandler implements EventHandler {

    /** Our own reading of the event: only the fields used here. */
    record ServiceRegistered(String service, String repository, String defaultBranch, String webhookSecretSealed,
            Instant registeredAt) {
    }

    private final CatalogedServices catalog;

    ServiceRegisteredHandler(CatalogedServices catalog) {
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return "service.registered.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var registered = event.dataAs(ServiceRegistered.class);
        catalog.register(new CatalogedService(registered.service(), registered.repository(),
                registered.defaultBranch(), registered.webhookSecretSealed(), registered.registeredAt()));
    }
}
