package io.passerelle.integrationservice.github.config;

import java.time.Clock;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.github.ReceiveGithubDelivery;
import io.passerelle.integrationservice.github.port.Deliveries;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GithubConfiguration {

    @Bean
    ReceiveGithubDelivery receiveGithubDelivery(CatalogedServices catalog, Deliveries deliveries,
            EventPublisher events, SecretSealer sealer, Clock clock) {
        return new ReceiveGithubDelivery(catalog, deliveries, events, sealer, clock);
    }
}
