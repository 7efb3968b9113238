package io.passerelle.changeservice.standardchange.config;

import java.time.Clock;

import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.standardchange.DefineStandardChange;
import io.passerelle.changeservice.standardchange.RetireStandardChange;
import io.passerelle.changeservice.standardchange.StandardChanges;
import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The standard-change use cases and the matching are plain Java; transactions are the adapters'. Saving a template
 * publishes its events ({@link StandardChangeTemplates#save}).
 */
@Configuration(proxyBeanMethods = false)
class StandardChangeUseCases {

    @Bean
    DefineStandardChange defineStandardChange(StandardChangeTemplates templates, CatalogNames catalog, Clock clock) {
        return new DefineStandardChange(templates, catalog, clock);
    }

    @Bean
    RetireStandardChange retireStandardChange(StandardChangeTemplates templates, Clock clock) {
        return new RetireStandardChange(templates, clock);
    }

    @Bean
    StandardChanges standardChanges(StandardChangeTemplates templates) {
        return new StandardChanges(templates);
    }
}
