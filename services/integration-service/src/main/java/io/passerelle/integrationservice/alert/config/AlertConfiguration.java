package io.passerelle.integration.alert.config;

import io.passerelle.integration.alert.AlertEvents;
import io.passerelle.integration.alert.AlertLabels;
import io.passerelle.integration.alert.ReceiveAlerts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    ReceiveAlerts receiveAlerts(AlertEvents events,
            @Value("${passerelle.alertmanager.service-label:service}") String serviceLabel,
            @Value("${passerelle.alertmanager.environment-label:environment}") String environmentLabel) {
        return new ReceiveAlerts(new AlertLabels(serviceLabel, environmentLabel), events);
    }
}
