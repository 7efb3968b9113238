package io.passerelle.integration.executor.config;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.integration.executor.AttemptDispatch;
import io.passerelle.integration.executor.DeployTarget;
import io.passerelle.integration.executor.DispatchEvents;
import io.passerelle.integration.executor.Dispatches;
import io.passerelle.integration.executor.RequestDispatch;
import io.passerelle.integration.executor.RetryPolicy;
import io.passerelle.integration.executor.SettleDispatch;
import io.passerelle.integration.executor.webhook.TargetBreakers;
import io.passerelle.integration.executor.webhook.WebhookDeployTarget;
import io.passerelle.integration.executor.worker.DispatchWorker;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.OutboundGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutorProperties.class)
class ExecutorConfiguration {

    @Bean
    TargetBreakers targetBreakers(CircuitBreakerRegistry registry, Clock clock) {
        return new TargetBreakers(registry, clock);
    }

    @Bean
    WebhookDeployTarget webhookDeployTarget(JsonMapper json, Clock clock, OutboundGuard guard, TargetBreakers breakers,
            ExecutorProperties properties) {
        return WebhookDeployTarget.overHttp(json, clock, guard, breakers, properties.connectTimeout(),
                properties.readTimeout(), properties.concurrency());
    }

    @Bean
    SettleDispatch settleDispatch(Dispatches dispatches, Clock clock) {
        return new SettleDispatch(dispatches, clock);
    }

    @Bean
    RequestDispatch requestDispatch(CatalogedServices catalog, Dispatches dispatches, DeployTarget target,
            DispatchEvents events, CallbackCredentials credentials, Clock clock,
            @Value("${passerelle.public-url:http://127.0.0.1:8080}") String publicUrl) {
        return new RequestDispatch(catalog, dispatches, target, events, credentials, clock, publicUrl);
    }

    @Bean
    AttemptDispatch attemptDispatch(CatalogedServices catalog, DeployTarget target, Dispatches dispatches,
            DispatchEvents events, SecretSealer sealer, Clock clock, ExecutorProperties properties) {
        var policy = new RetryPolicy(properties.maxAttempts(), properties.backoff(), properties.maxBackoff(),
                properties.giveUpAfter());
        return new AttemptDispatch(catalog, target, dispatches, events, policy, sealer, clock);
    }

    @Bean
    DispatchWorker dispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            ExecutorProperties properties) {
        return new DispatchWorker(dispatches, attempt, tx, clock, properties.lease(), properties.pollInterval(),
                properties.concurrency(), properties.connectTimeout().plus(properties.readTimeout()));
    }
}
