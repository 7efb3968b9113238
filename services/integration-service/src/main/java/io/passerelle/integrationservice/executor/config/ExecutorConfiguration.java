package io.passerelle.integrationservice.executor.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.AttemptDispatch;
import io.passerelle.integrationservice.executor.CallSecrets;
import io.passerelle.integrationservice.executor.ExecutorRegistry;
import io.passerelle.integrationservice.executor.NotificationTokens;
import io.passerelle.integrationservice.executor.ReceiveDeploymentStatus;
import io.passerelle.integrationservice.executor.ReceiveNotification;
import io.passerelle.integrationservice.executor.port.DeploymentStatuses;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.VendorExchange;
import io.passerelle.integrationservice.executor.WatchDispatch;
import io.passerelle.integrationservice.executor.WatchPolicy;
import io.passerelle.integrationservice.executor.adapter.argocd.ArgoCd;
import io.passerelle.integrationservice.executor.adapter.argocd.ArgoCdExecutor;
import io.passerelle.integrationservice.executor.adapter.awx.Awx;
import io.passerelle.integrationservice.executor.adapter.awx.AwxExecutor;
import io.passerelle.integrationservice.executor.adapter.githubdeployments.GithubDeployments;
import io.passerelle.integrationservice.executor.adapter.githubdeployments.GithubDeploymentsExecutor;
import io.passerelle.integrationservice.executor.adapter.jenkins.Jenkins;
import io.passerelle.integrationservice.executor.adapter.jenkins.JenkinsExecutor;
import io.passerelle.integrationservice.executor.adapter.worker.WatchWorker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.passerelle.integrationservice.executor.CallbackSignature;
import io.passerelle.integrationservice.executor.ReceiveDeploymentOutcome;
import io.passerelle.integrationservice.executor.RequestDispatch;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.executor.SettleDispatch;
import io.passerelle.integrationservice.executor.adapter.webhook.TargetBreakers;
import io.passerelle.integrationservice.executor.adapter.webhook.WebhookDeployTarget;
import io.passerelle.integrationservice.executor.adapter.worker.DispatchWorker;
import io.passerelle.integrationservice.executor.port.Executor;
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

    /** At most this much of a vendor's answer is read (an Argo CD application with its resource tree is large). */
    static final int MAX_VENDOR_ANSWER = 4 << 20;

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

    /** The calls to one vendor's API: its breakers ({@code <vendor> <host:port>}), its time limit, its connections. */
    private static VendorCalls vendor(String vendor, OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return new VendorCalls(vendor, guard, breakers, clock,
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.vendorTimeLimit()).build()),
                new VendorExchange(vendor + " calls", properties.connectTimeout(), properties.readTimeout(),
                        properties.concurrency(), MAX_VENDOR_ANSWER, observations));
    }

    @Bean(destroyMethod = "close")
    VendorCalls argoCdCalls(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return vendor(ArgoCdExecutor.TYPE, guard, breakers, clock, observations, properties);
    }

    @Bean(destroyMethod = "close")
    VendorCalls githubCalls(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return vendor(GithubDeploymentsExecutor.TYPE, guard, breakers, clock, observations, properties);
    }

    @Bean(destroyMethod = "close")
    VendorCalls jenkinsCalls(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return vendor(JenkinsExecutor.TYPE, guard, breakers, clock, observations, properties);
    }

    @Bean(destroyMethod = "close")
    VendorCalls awxCalls(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return vendor(AwxExecutor.TYPE, guard, breakers, clock, observations, properties);
    }

    @Bean
    ArgoCdExecutor argoCdExecutor(VendorCalls argoCdCalls, JsonMapper json) {
        return new ArgoCdExecutor(new ArgoCd(argoCdCalls, json), argoCdCalls);
    }

    @Bean
    GithubDeploymentsExecutor githubDeploymentsExecutor(VendorCalls githubCalls, JsonMapper json,
            CatalogedServices catalog) {
        return new GithubDeploymentsExecutor(new GithubDeployments(githubCalls, json), githubCalls, catalog);
    }

    @Bean
    JenkinsExecutor jenkinsExecutor(VendorCalls jenkinsCalls, JsonMapper json) {
        return new JenkinsExecutor(new Jenkins(jenkinsCalls, json), jenkinsCalls);
    }

    @Bean
    AwxExecutor awxExecutor(VendorCalls awxCalls, JsonMapper json) {
        return new AwxExecutor(new Awx(awxCalls, json), awxCalls);
    }

    /** Every {@link Executor} bean, by its type. */
    @Bean
    ExecutorRegistry executorRegistry(List<Executor> executors) {
        return new ExecutorRegistry(executors);
    }

    @Bean
    CallSecrets callSecrets(CatalogedServices catalog, SecretSealer sealer) {
        return new CallSecrets(catalog, sealer);
    }

    @Bean
    ReceiveDeploymentOutcome receiveDeploymentOutcome(CallbackCredentials credentials, Dispatches dispatches,
            EventPublisher events, Clock clock, ExecutorProperties properties) {
        return new ReceiveDeploymentOutcome(new CallbackSignature(credentials, properties.callbackWindow()),
                dispatches, events, clock);
    }

    @Bean
    NotificationTokens notificationTokens(CatalogedServices catalog, SecretSealer sealer) {
        return new NotificationTokens(catalog, sealer);
    }

    @Bean
    ReceiveNotification receiveNotification(Dispatches dispatches, ReceiveDeploymentOutcome outcomes) {
        return new ReceiveNotification(dispatches, outcomes);
    }

    @Bean
    ReceiveDeploymentStatus receiveDeploymentStatus(DeploymentStatuses statuses, ReceiveNotification notifications) {
        return new ReceiveDeploymentStatus(statuses, notifications);
    }

    @Bean
    SettleDispatch settleDispatch(Dispatches dispatches, Clock clock) {
        return new SettleDispatch(dispatches, clock);
    }

    @Bean
    RequestDispatch requestDispatch(CallSecrets secrets, Dispatches dispatches, ExecutorRegistry executors,
            Dispatcher dispatcher, EventPublisher events, CallbackCredentials credentials, Clock clock,
            @Value("${passerelle.public-url:http://127.0.0.1:8080}") String publicUrl) {
        return new RequestDispatch(secrets, dispatches, executors, dispatcher, events, credentials, clock, publicUrl);
    }

    @Bean
    WatchPolicy watchPolicy(ExecutorProperties properties) {
        return new WatchPolicy(properties.watchInterval(), 2.0, properties.watchMaxInterval());
    }

    @Bean
    AttemptDispatch attemptDispatch(ExecutorRegistry executors, CallSecrets secrets, Dispatches dispatches,
            EventPublisher events, WatchPolicy watching, Clock clock, ExecutorProperties properties) {
        var policy = new RetryPolicy(properties.maxAttempts(), properties.backoff(), properties.maxBackoff(),
                properties.giveUpAfter());
        return new AttemptDispatch(executors, secrets, dispatches, events, policy, watching, clock);
    }

    @Bean
    DispatchWorker dispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, ExecutorProperties properties) {
        return new DispatchWorker(dispatches, attempt, tx, clock, traces, properties.lease(),
                properties.pollInterval(), properties.concurrency(), drain(properties));
    }

    @Bean
    WatchDispatch watchDispatch(ExecutorRegistry executors, CallSecrets secrets, Dispatches dispatches,
            ReceiveDeploymentOutcome outcomes, WatchPolicy watching, Clock clock) {
        return new WatchDispatch(executors, secrets, dispatches, outcomes, watching, clock);
    }

    @Bean
    WatchWorker watchWorker(Dispatches dispatches, WatchDispatch watch, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, ExecutorProperties properties) {
        return new WatchWorker(dispatches, watch, tx, clock, traces, properties.lease(), properties.pollInterval(),
                properties.concurrency(), drain(properties));
    }

    /** How long calls in flight may finish when the service stops. */
    private static Duration drain(ExecutorProperties properties) {
        var call = properties.connectTimeout().plus(properties.readTimeout());
        return call.compareTo(properties.vendorTimeLimit()) > 0 ? call : properties.vendorTimeLimit();
    }
}
