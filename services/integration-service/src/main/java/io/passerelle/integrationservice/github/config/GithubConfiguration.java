package io.passerelle.integration.github.config;

import java.time.Clock;

import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.integration.github.Deliveries;
import io.passerelle.integration.github.PipelineEvents;
import io.passerelle.integration.github.ReceiveGithubDelivery;
import io.passerelle.platform.crypto.SecretSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GithubConfiguration {

    @Bean
    ReceiveGithubDelivery receiveGithubDelivery(CatalogedServices catalog, Deliveries deliveries,
            PipelineEvents events, SecretSealer sealer, Clock clock) {
        return new ReceiveGithubDelivery(catalog, deliveries, events, sealer, clock);
    }
}
