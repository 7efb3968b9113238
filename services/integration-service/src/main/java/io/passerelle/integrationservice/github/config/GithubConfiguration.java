package io.passerelle.integrationservice.github.config;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.ReceiveDeploymentStatus;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.github.ApiUrl;
import io.passerelle.integrationservice.github.AttemptReview;
import io.passerelle.integrationservice.github.QueueReview;
import io.passerelle.integrationservice.github.ReceiveGithubDelivery;
import io.passerelle.integrationservice.github.RequestGate;
import io.passerelle.integrationservice.github.adapter.rest.GithubAppReviews;
import io.passerelle.integrationservice.github.adapter.worker.ReviewWorker;
import io.passerelle.integrationservice.github.port.Deliveries;
import io.passerelle.integrationservice.github.port.GithubReviews;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.integrationservice.github.port.ReviewSender;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GithubProperties.class)
class GithubConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GithubConfiguration.class);

    @Bean
    ReceiveGithubDelivery receiveGithubDelivery(CatalogedServices catalog, Deliveries deliveries,
            EventPublisher events, SecretSealer sealer, Clock clock, ReceiveDeploymentStatus deploymentStatuses) {
        return new ReceiveGithubDelivery(catalog, deliveries, events, sealer, clock, deploymentStatuses);
    }

    @Bean
    ApiUrl githubApiUrl(GithubProperties properties) {
        return new ApiUrl(properties.apiUrl());
    }

    @Bean
    RequestGate requestGate(CatalogedServices catalog, Deliveries deliveries, ProtectionRequests requests,
            EventPublisher events, ApiUrl api, GithubProperties properties, Clock clock) {
        if (properties.app().configured()) {
            log.info("GitHub App {} answers deployment protection rules on {}", properties.app().id(), api);
        }
        return new RequestGate(catalog, deliveries, requests, events, api, properties.app().webhookSecret(),
                UUID::randomUUID, clock);
    }

    @Bean
    GithubAppReviews githubAppReviews(ApiUrl api, OutboundGuard guard, JsonMapper json, Clock clock,
            MeterRegistry meters, ObservationRegistry observations, GithubProperties properties) {
        var reviews = properties.reviews();
        return GithubAppReviews.overHttp(properties.app().id(), properties.app().privateKey(), api, guard, json, clock,
                meters, observations, reviews.connectTimeout(), reviews.readTimeout());
    }

    @Bean
    QueueReview queueReview(ProtectionRequests requests, ReviewSender sender, Clock clock) {
        return new QueueReview(requests, sender, clock);
    }

    @Bean
    AttemptReview attemptReview(GithubReviews github, ProtectionRequests requests, Clock clock,
            GithubProperties properties) {
        var reviews = properties.reviews();
        return new AttemptReview(github, requests, new RetryPolicy(reviews.maxAttempts(), reviews.backoff(),
                reviews.maxBackoff(), reviews.giveUpAfter(), "GitHub"), clock);
    }

    @Bean
    ReviewWorker reviewWorker(ProtectionRequests requests, AttemptReview attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, GithubProperties properties) {
        var reviews = properties.reviews();
        return new ReviewWorker(requests, attempt, tx, clock, traces, reviews.lease(), reviews.pollInterval(),
                reviews.concurrency(), reviews.connectTimeout().plus(reviews.readTimeout()).multipliedBy(2));
    }
}
