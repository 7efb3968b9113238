package io.passerelle.change.catalog.messaging;

import java.util.List;

import io.passerelle.change.catalog.Environment;
import io.passerelle.change.catalog.Environments;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** service.registered.v1 → the service's environments, replacing what a previous registration said. */
@Component
class ServiceRegisteredHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceRegisteredHandler.class);

    private final Environments environments;

    ServiceRegisteredHandler(Environments environments) {
        this.environments = environments;
    }

    @Override
    public String type() {
        return "service.registered.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(ServiceRegistered.class);
        environments.replace(data.service(), data.environments().stream()
                .map(e -> new Environment(data.service(), e.name(), e.requiresApproval()))
                .toList());
        log.info("Catalog: service {} has environments {}", data.service(),
                data.environments().stream().map(RegisteredEnvironment::name).toList());
    }

    /** Only the fields this service uses (tolerant reader). */
    record ServiceRegistered(String service, List<RegisteredEnvironment> environments) {
    }

    record RegisteredEnvironment(String name, boolean requiresApproval) {
    }
}
