package io.passerelle.incident.incident.config;

import java.time.Clock;

import io.passerelle.incident.incident.IncidentEvents;
import io.passerelle.incident.incident.Incidents;
import io.passerelle.incident.incident.OpenIncident;
import io.passerelle.incident.incident.ResolveIncident;
import io.passerelle.incident.suspect.AttributeIncident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; their transactions are the inbox's (events) and the controller's (HTTP). */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    OpenIncident openIncident(Incidents incidents, AttributeIncident attribution, IncidentEvents events, Clock clock) {
        return new OpenIncident(incidents, attribution, events, clock);
    }

    @Bean
    ResolveIncident resolveIncident(Incidents incidents, IncidentEvents events, Clock clock) {
        return new ResolveIncident(incidents, events, clock);
    }
}
