package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;

/** The catalog as the alert tests need it: services by name, with their environments. */
final class Catalog implements CatalogedServices {

    private final Map<String, CatalogedService> services = new HashMap<>();

    Catalog with(String service, String... environments) {
        services.put(service, new CatalogedService(service, "octo-org/" + service, "main", "sealed",
                Instant.parse("2026-01-01T00:00:00Z"), List.of(environments)));
        return this;
    }

    @Override
    public void register(CatalogedService service) {
        services.put(service.name(), service);
    }

    @Override
    public Optional<CatalogedService> byName(String name) {
        return Optional.ofNullable(services.get(name));
    }

    @Override
    public Optional<CatalogedService> byRepository(String repository) {
        return services.values().stream().filter(s -> s.repository().equalsIgnoreCase(repository)).findFirst();
    }
}
