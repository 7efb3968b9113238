package io.passerelle.releaseservice.catalog.config;

import java.time.Clock;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.releaseservice.catalog.RegisterService;
import io.passerelle.releaseservice.catalog.port.Services;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's use cases; a {@link SecretSealer} (passerelle.secrets.key) is required to start, and the platform's
 * {@link OutboundGuard} (passerelle.outbound.allow) judges deploy target URLs.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    RegisterService registerService(Services services, SecretSealer sealer, OutboundGuard guard, Clock clock) {
        return new RegisterService(services, sealer, guard, clock);
    }
}
