package io.passerelle.releaseservice.deployment.config;

import java.time.Clock;

import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome;
import io.passerelle.releaseservice.deployment.RecordRelease;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.ProposeRollback;
import io.passerelle.releaseservice.deployment.RollBackDeployment;
import io.passerelle.releaseservice.deployment.TimeOutDeployments;
import io.passerelle.releaseservice.deployment.adapter.worker.TimeoutWorker;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.IncidentRollbacks;
import io.passerelle.releaseservice.deployment.port.OpenedIncidents;
import io.passerelle.releaseservice.deployment.port.PipelineGates;
import io.passerelle.releaseservice.deployment.port.Promotions;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The deployment feature's use cases; their transactions are the inbox's or the controller's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeoutProperties.class)
class DeploymentConfiguration {

    @Bean
    TimeOutDeployments timeOutDeployments(Deployments deployments, Clock clock) {
        return new TimeOutDeployments(deployments, clock);
    }

    @Bean
    TimeoutWorker timeoutWorker(TimeOutDeployments timeouts, TransactionTemplate tx, Clock clock,
            TimeoutProperties properties) {
        return new TimeoutWorker(timeouts, tx, clock, properties.pollInterval(), properties.batch());
    }

    @Bean
    RecordRelease recordRelease(Services services, Releases releases, Deployments deployments, Checks checks,
            Clock clock) {
        return new RecordRelease(services, releases, deployments, checks, clock);
    }

    @Bean
    ApplyChangeDecision applyChangeDecision(Deployments deployments, PipelineGates gates, Clock clock) {
        return new ApplyChangeDecision(deployments, gates, clock);
    }

    @Bean
    PromoteRelease promoteRelease(Services services, Releases releases, Deployments deployments, Checks checks,
            Promotions promotions, OpenedIncidents incidents, Clock clock) {
        return new PromoteRelease(services, releases, deployments, checks, promotions, incidents, clock);
    }

    @Bean
    RollBackDeployment rollBackDeployment(Services services, Releases releases, Deployments deployments,
            Clock clock) {
        return new RollBackDeployment(services, releases, deployments, clock);
    }

    @Bean
    ProposeRollback proposeRollback(Services services, Deployments deployments, RollBackDeployment rollBack,
            IncidentRollbacks rollbacks, Clock clock) {
        return new ProposeRollback(services, deployments, rollBack, rollbacks, clock);
    }

    @Bean
    ApplyReportedOutcome applyReportedOutcome(Deployments deployments, PromoteRelease promotion) {
        return new ApplyReportedOutcome(deployments, promotion);
    }
}
