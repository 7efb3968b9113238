package io.passerelle.integrationservice.executor.config;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.AttemptDispatch;
import io.passerelle.integrationservice.executor.CallbackSignature;
import io.passerelle.integrationservice.executor.ReceiveDeploymentOutcome;
import io.passerelle.integrationservice.executor.RequestDispatch;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.executor.SettleDispatch;
import io.passerelle.integrationservice.executor.adapter.webhook.TargetBreakers;
import io.passerelle.integrationservice.executor.adapter.webhook.WebhookDeployTarget;
import io.passerelle.integrationservice.executor.adapter.worker.DispatchWorker;
import io.passerelle.integrationservice.executor.port.DeployTarget;
import io.passerelle.integrationservice.executor.port.Dispatcher;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.trace.TraceCarrier;
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
            MeterRegistry meters, ObservationRegistry observations, ExecutorProperties properties) {
        return WebhookDeployTarget.overHttp(json, clock, guard, breakers, meters, observations,
                properties.connectTimeout(), properties.readTimeout(), properties.concurrency());
    }

    @Bean
    ReceiveDeploymentOutcome receiveDeploymentOutcome(CallbackCredentials credentials, Dispatches dispatches,
            EventPublisher events, Clock clock, ExecutorProperties properties) {
        return new ReceiveDeploymentOutcome(new CallbackSignature(credentials, properties.callbackWindow()),
                dispatches, events, clock);
    }

    @Bean
    SettleDispatch settleDispatch(Dispatches dispatches, Clock clock) {
        return new SettleDispatch(dispatches, clock);
    }

    @Bean
    RequestDispatch requestDispatch(CatalogedServices catalog, Dispatches dispatches, DeployTarget target,
            Dispatcher dispatcher, EventPublisher events, CallbackCredentials credentials, Clock clock,
            @Value("${passerelle.public-url:http://127.0.0.1:8080}") String publicUrl) {
        return new RequestDispatch(catalog, dispatches, target, dispatcher, events, credentials, clock, publicUrl);
    }

    @Bean
    AttemptDispatch attemptDispatch(CatalogedServices catalog, DeployTarget target, Dispatches dispatches,
            EventPublisher events, SecretSealer sealer, Clock clock, ExecutorProperties properties) {
        var policy = new RetryPolicy(properties.maxAttempts(), properties.backoff(), properties.maxBackoff(),
                properties.giveUpAfter());
        return new AttemptDispatch(catalog, target, dispatches, events, policy, sealer, clock);
    }

    @Bean
    DispatchWorker dispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, ExecutorProperties properties) {
        return new DispatchWorker(dispatches, attempt, tx, clock, traces, properties.lease(),
                properties.pollInterval(), properties.concurrency(),
                properties.connectTimeout().plus(properties.readTimeout()));
    }
}
