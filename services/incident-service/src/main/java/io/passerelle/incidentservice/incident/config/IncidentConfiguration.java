package io.passerelle.incidentservice.incident.config;

import java.time.Clock;

import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.incident.port.KnownErrors;
import io.passerelle.incidentservice.suspect.AttributeIncident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; their transactions are the inbox's (events) and the controller's (HTTP). */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    OpenIncident openIncident(Incidents incidents, AttributeIncident attribution, KnownErrors knownErrors,
            Clock clock) {
        return new OpenIncident(incidents, attribution, knownErrors, clock);
    }

    @Bean
    ResolveIncident resolveIncident(Incidents incidents, Clock clock) {
        return new ResolveIncident(incidents, clock);
    }
}
