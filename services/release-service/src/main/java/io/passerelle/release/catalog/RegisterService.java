package io.passerelle.release.catalog;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.RuleViolationException;

/** Adds a service to the catalog; its webhook secret is sealed before it is stored or published. */
public final class RegisterService {

    static final int MIN_SECRET_LENGTH = 16;

    private final Services services;
    private final CatalogEvents events;
    private final SecretSealer sealer;
    private final Clock clock;

    public RegisterService(Services services, CatalogEvents events, SecretSealer sealer, Clock clock) {
        this.services = services;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Service register(NewService request) {
        if (request.webhookSecret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("webhook secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        var service = Service.register(request.name(), request.repository(), request.defaultBranch(),
                sealer.seal(request.webhookSecret()), request.environments(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (services.byName(service.name()).isPresent()) {
            throw RuleViolationException.conflict("service " + service.name() + " is already registered");
        }
        services.nameOfRepository(service.repository()).ifPresent(owner -> {
            throw RuleViolationException.conflict("repository " + service.repository()
                    + " is already registered as service " + owner);
        });
        services.add(service);
        service.pullEvents().forEach(events::publish);
        return service;
    }

    /** What a release manager asks to register; the secret in clear, never stored so. */
    public record NewService(String name, String repository, String defaultBranch, String webhookSecret,
            List<Environment> environments) {

        @Override
        public String toString() {
            return "NewService[name=" + name + ", repository=" + repository + ", environments=" + environments + "]";
        }
    }
}
