package io.passerelle.incidentservice.problem.config;

import java.time.Clock;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.problem.ProgressProblem;
import io.passerelle.incidentservice.problem.RaiseProblem;
import io.passerelle.incidentservice.problem.SuggestKnownErrors;
import io.passerelle.incidentservice.problem.port.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; their transactions are the controller's, and for suggestions the incident's. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    @Bean
    RaiseProblem raiseProblem(Problems problems, Incidents incidents, Clock clock) {
        return new RaiseProblem(problems, incidents, clock);
    }

    @Bean
    ProgressProblem progressProblem(Problems problems, Incidents incidents, Clock clock) {
        return new ProgressProblem(problems, incidents, clock);
    }

    /** The known error database that {@code OpenIncident} consults (incident's port {@code KnownErrors}). */
    @Bean
    SuggestKnownErrors knownErrors(Problems problems) {
        return new SuggestKnownErrors(problems);
    }
}
