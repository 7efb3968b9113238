package io.passerelle.integration.executor.config;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.integration.executor.DeployTarget;
import io.passerelle.integration.executor.DispatchDeployment;
import io.passerelle.integration.executor.DispatchEvents;
import io.passerelle.integration.executor.Dispatches;
import io.passerelle.integration.executor.webhook.WebhookDeployTarget;
import io.passerelle.platform.crypto.SecretSealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

    @Bean
    WebhookDeployTarget webhookDeployTarget(JsonMapper json, Clock clock, RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            @Value("${passerelle.executor.connect-timeout:2s}") Duration connectTimeout,
            @Value("${passerelle.executor.read-timeout:10s}") Duration readTimeout) {
        return new WebhookDeployTarget(json, clock, retries, breakers, connectTimeout, readTimeout);
    }

    @Bean
    DispatchDeployment dispatchDeployment(CatalogedServices catalog, Dispatches dispatches, DeployTarget target,
            DispatchEvents events, SecretSealer sealer, Clock clock,
            @Value("${passerelle.public-url:http://127.0.0.1:8080}") String publicUrl) {
        return new DispatchDeployment(catalog, dispatches, target, events, sealer, clock, publicUrl);
    }
}
