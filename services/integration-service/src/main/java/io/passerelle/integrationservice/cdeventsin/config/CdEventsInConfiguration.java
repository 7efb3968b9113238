package io.passerelle.integrationservice.cdeventsin.config;

import java.time.Clock;

import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.cdeventsin.CdEventMappings;
import io.passerelle.integrationservice.cdeventsin.ReceiveCdEvent;
import io.passerelle.integrationservice.cdeventsin.RegisterSenders;
import io.passerelle.integrationservice.cdeventsin.port.ReceivedCdEvents;
import io.passerelle.integrationservice.cdeventsin.port.Senders;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CdEventsInConfiguration {

    @Bean
    RegisterSenders registerCdEventSenders(Senders senders, SecretSealer sealer, Clock clock) {
        return new RegisterSenders(senders, sealer, clock);
    }

    @Bean
    ReceiveCdEvent receiveCdEvent(Senders senders, ReceivedCdEvents received, CatalogedServices catalog,
            ReceiveAlerts alerts, EventPublisher events, SecretSealer sealer, Clock clock) {
        return new ReceiveCdEvent(senders, received, new CdEventMappings(catalog, alerts), events, sealer, clock);
    }
}
