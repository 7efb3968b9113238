package io.passerelle.incidentservice.incident.config;

import java.time.Clock;

import io.passerelle.incidentservice.deployment.port.Deployments;
import io.passerelle.incidentservice.incident.CloseResolvedIncidents;
import io.passerelle.incidentservice.incident.DecideSuspect;
import io.passerelle.incidentservice.incident.OpenIncident;
import io.passerelle.incidentservice.incident.PriorityMatrix;
import io.passerelle.incidentservice.incident.ReattributeIncidents;
import io.passerelle.incidentservice.incident.ResolveIncident;
import io.passerelle.incidentservice.incident.Severities;
import io.passerelle.incidentservice.incident.WorkOnIncident;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.incident.port.KnownErrors;
import io.passerelle.incidentservice.suspect.AttributeIncident;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases are plain Java; their transactions are the inbox's (events), the controller's (HTTP) and the
 * closing worker's. The priority matrix and the severity table are built, and so checked, at startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {

    @Bean
    PriorityMatrix priorityMatrix(IncidentProperties properties) {
        return properties.matrix();
    }

    @Bean
    Severities severities(IncidentProperties properties) {
        return properties.severityTable();
    }

    @Bean
    OpenIncident openIncident(Incidents incidents, AttributeIncident attribution, KnownErrors knownErrors,
            PriorityMatrix matrix, Severities severities, Clock clock) {
        return new OpenIncident(incidents, attribution, knownErrors, matrix, severities, clock);
    }

    @Bean
    ReattributeIncidents reattributeIncidents(Deployments deployments, Incidents incidents,
            AttributeIncident attribution, Clock clock) {
        return new ReattributeIncidents(deployments, incidents, attribution, clock);
    }

    @Bean
    DecideSuspect decideSuspect(Incidents incidents, Clock clock) {
        return new DecideSuspect(incidents, clock);
    }

    @Bean
    ResolveIncident resolveIncident(Incidents incidents, Clock clock) {
        return new ResolveIncident(incidents, clock);
    }

    @Bean
    WorkOnIncident workOnIncident(Incidents incidents, PriorityMatrix matrix, IncidentProperties properties,
            Clock clock) {
        return new WorkOnIncident(incidents, matrix, properties.reopenWithin(), clock);
    }

    @Bean
    CloseResolvedIncidents closeResolvedIncidents(Incidents incidents, IncidentProperties properties, Clock clock) {
        return new CloseResolvedIncidents(incidents, properties.reopenWithin(), clock);
    }
}
