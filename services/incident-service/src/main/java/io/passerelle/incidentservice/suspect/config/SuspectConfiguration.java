package io.passerelle.incident.suspect.config;

import io.passerelle.incident.deployment.Deployments;
import io.passerelle.incident.suspect.AttributeIncident;
import io.passerelle.incident.suspect.Attribution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttributionProperties.class)
class SuspectConfiguration {

    @Bean
    Attribution attribution(AttributionProperties properties) {
        return new Attribution(properties.window());
    }

    @Bean
    AttributeIncident attributeIncident(Deployments deployments, Attribution attribution) {
        return new AttributeIncident(deployments, attribution);
    }
}
