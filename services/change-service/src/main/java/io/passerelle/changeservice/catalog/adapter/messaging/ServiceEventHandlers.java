package io.passerelle.changeservice.catalog.adapter.messaging;

import java.util.List;

import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.platform.inbox.HandlesEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the catalog says about services, kept in this service's own projection. */
@Component
class ServiceEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(ServiceEventHandlers.class);

    private final Environments environments;

    ServiceEventHandlers(Environments environments) {
        this.environments = environments;
    }

    /** The service's environments, replacing what a previous registration said. */
    @HandlesEvent("service.registered.v1")
    void onRegistered(ServiceRegistered data) {
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
