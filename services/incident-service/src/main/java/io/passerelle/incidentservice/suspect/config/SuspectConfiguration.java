package io.passerelle.incidentservice.suspect.config;

import io.passerelle.incidentservice.change.port.Changes;
import io.passerelle.incidentservice.deployment.port.Deployments;
import io.passerelle.incidentservice.suspect.AttributeIncident;
import io.passerelle.incidentservice.suspect.Attribution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttributionProperties.class)
class SuspectConfiguration {

    @Bean
    Attribution attribution(AttributionProperties properties) {
        return new Attribution(properties.window(), properties.highRisk());
    }

    @Bean
    AttributeIncident attributeIncident(Deployments deployments, Changes changes, Attribution attribution) {
        return new AttributeIncident(deployments, changes, attribution);
    }
}
