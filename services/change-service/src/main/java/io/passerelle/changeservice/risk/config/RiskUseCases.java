package io.passerelle.changeservice.risk.config;

import java.time.Clock;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.risk.DefineEnvironmentProfile;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.changeservice.risk.port.Incidents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The risk assessor and the environment-profile use case are plain Java; transactions are the adapters'. */
@Configuration(proxyBeanMethods = false)
class RiskUseCases {

    @Bean
    RiskAssessor riskAssessor(ChangeHistory history, Incidents incidents, EnvironmentProfiles profiles, Clock clock) {
        return new RiskAssessor(history, incidents, profiles, clock);
    }

    @Bean
    DefineEnvironmentProfile defineEnvironmentProfile(EnvironmentProfiles profiles, Environments environments,
            Clock clock) {
        return new DefineEnvironmentProfile(profiles, environments, clock);
    }
}
