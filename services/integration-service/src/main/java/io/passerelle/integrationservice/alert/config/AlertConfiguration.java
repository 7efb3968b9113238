package io.passerelle.integrationservice.alert.config;

import java.time.Clock;
import java.util.Map;

import io.passerelle.integrationservice.alert.Attribution;
import io.passerelle.integrationservice.alert.ConfigureAlertSource;
import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.alert.ReceiveGrafanaNotification;
import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.alert.port.AlertSources;
import io.passerelle.integrationservice.alert.port.ReceivedNotifications;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertConfiguration {

    @Bean
    ReceiveAlerts receiveAlerts(EventPublisher events, CatalogedServices catalog, AlertProperties properties) {
        var rules = Map.of(Source.ALERTMANAGER, properties.sources().alertmanager().rules(),
                Source.GRAFANA, properties.sources().grafana().rules(),
                Source.CDEVENTS, properties.sources().cdevents().rules());
        return new ReceiveAlerts(new Attribution(rules, catalog), events);
    }

    @Bean
    ReceiveGrafanaNotification receiveGrafanaNotification(AlertSources sources, ReceivedNotifications received,
            ReceiveAlerts alerts, SecretSealer sealer, Clock clock, AlertProperties properties) {
        return new ReceiveGrafanaNotification(sources, received, alerts, sealer, clock, properties.window());
    }

    @Bean
    ConfigureAlertSource configureAlertSource(AlertSources sources, SecretSealer sealer, Clock clock) {
        return new ConfigureAlertSource(sources, sealer, clock);
    }
}
