package io.passerelle.changeservice.catalog.config;

import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.catalog.port.Services;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog projection's checks, for the features that name services and environments. */
@Configuration(proxyBeanMethods = false)
class CatalogWiring {

    @Bean
    CatalogNames catalogNames(Services services, Environments environments) {
        return new CatalogNames(services, environments);
    }
}
