package io.passerelle.releaseservice.deployment.config;

import java.time.Clock;

import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.releaseservice.catalog.Services;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import io.passerelle.releaseservice.deployment.DeploymentEvents;
import io.passerelle.releaseservice.deployment.Deployments;
import io.passerelle.releaseservice.deployment.RecordRelease;
import io.passerelle.releaseservice.deployment.Releases;
import io.passerelle.releaseservice.deployment.ReportDeploymentOutcome;
import io.passerelle.releaseservice.deployment.TrackDispatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deployment feature's use cases; their transactions are the inbox's or the controller's. */
@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

    @Bean
    RecordRelease recordRelease(Services services, Releases releases, Deployments deployments,
            DeploymentEvents events, Clock clock) {
        return new RecordRelease(services, releases, deployments, events, clock);
    }

    @Bean
    ApplyChangeDecision applyChangeDecision(Deployments deployments, DeploymentEvents events, Clock clock) {
        return new ApplyChangeDecision(deployments, events, clock);
    }

    @Bean
    TrackDispatch trackDispatch(Deployments deployments, DeploymentEvents events) {
        return new TrackDispatch(deployments, events);
    }

    @Bean
    ReportDeploymentOutcome reportDeploymentOutcome(Services services, Releases releases, Deployments deployments,
            DeploymentEvents events, CallbackCredentials credentials, Clock clock) {
        return new ReportDeploymentOutcome(services, releases, deployments, events, credentials, clock);
    }
}
