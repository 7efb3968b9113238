package io.passerelle.integrationservice.gitlab.config;

import java.time.Clock;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.gitlab.ReceiveGitlabHook;
import io.passerelle.integrationservice.gitlab.port.GitlabDeliveries;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GitlabConfiguration {

    @Bean
    ReceiveGitlabHook receiveGitlabHook(CatalogedServices catalog, GitlabDeliveries deliveries, EventPublisher events,
            SecretSealer sealer, Clock clock) {
        return new ReceiveGitlabHook(catalog, deliveries, events, sealer, clock);
    }
}
