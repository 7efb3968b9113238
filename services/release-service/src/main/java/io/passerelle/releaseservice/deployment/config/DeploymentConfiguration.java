package io.passerelle.releaseservice.deployment.config;

import java.time.Clock;

import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import io.passerelle.releaseservice.deployment.RecordRelease;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import io.passerelle.releaseservice.deployment.ReportDeploymentOutcome;
import io.passerelle.releaseservice.deployment.RollBackDeployment;
import io.passerelle.releaseservice.deployment.TrackDispatch;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.OpenedIncidents;
import io.passerelle.releaseservice.deployment.port.PipelineGates;
import io.passerelle.releaseservice.deployment.port.Promotions;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deployment feature's use cases; their transactions are the inbox's or the controller's. */
@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

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
    TrackDispatch trackDispatch(Deployments deployments) {
        return new TrackDispatch(deployments);
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
    ReportDeploymentOutcome reportDeploymentOutcome(Deployments deployments, PromoteRelease promotion,
            CallbackCredentials credentials, Clock clock) {
        return new ReportDeploymentOutcome(deployments, promotion, credentials, clock);
    }
}
