package io.passerelle.integrationservice.alert.config;

import io.passerelle.integrationservice.alert.AlertLabels;
import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    ReceiveAlerts receiveAlerts(EventPublisher events,
            @Value("${passerelle.alertmanager.service-label:service}") String serviceLabel,
            @Value("${passerelle.alertmanager.environment-label:environment}") String environmentLabel) {
        return new ReceiveAlerts(new AlertLabels(serviceLabel, environmentLabel), events);
    }
}
