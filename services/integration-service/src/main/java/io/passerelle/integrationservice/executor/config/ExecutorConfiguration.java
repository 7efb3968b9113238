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
import io.passerelle.platform.outbound.PinnedHttpClient;
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

    /**
     * The calls to one vendor's API: its breakers ({@code <vendor> <host:port>}), its time limit, its connections;
     * each vendor executor owns (and closes) its own.
     */
    record Vendors(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {

        VendorCalls calls(String vendor) {
            return new VendorCalls(vendor, guard, breakers, clock,
                    TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.vendorTimeLimit()).build()),
                    new PinnedHttpClient(vendor + " calls", properties.connectTimeout(), properties.readTimeout(),
                            properties.concurrency(), observations), MAX_VENDOR_ANSWER);
        }
    }

    @Bean
    Vendors vendors(OutboundGuard guard, CircuitBreakerRegistry breakers, Clock clock,
            ObservationRegistry observations, ExecutorProperties properties) {
        return new Vendors(guard, breakers, clock, observations, properties);
    }

    @Bean
    ArgoCdExecutor argoCdExecutor(Vendors vendors, JsonMapper json) {
        var calls = vendors.calls(ArgoCdExecutor.TYPE);
        return new ArgoCdExecutor(new ArgoCd(calls, json), calls);
    }

    @Bean
    GithubDeploymentsExecutor githubDeploymentsExecutor(Vendors vendors, JsonMapper json, CatalogedServices catalog) {
        var calls = vendors.calls(GithubDeploymentsExecutor.TYPE);
        return new GithubDeploymentsExecutor(new GithubDeployments(calls, json), calls, catalog);
    }

    @Bean
    JenkinsExecutor jenkinsExecutor(Vendors vendors, JsonMapper json) {
        var calls = vendors.calls(JenkinsExecutor.TYPE);
        return new JenkinsExecutor(new Jenkins(calls, json), calls);
    }

    @Bean
    AwxExecutor awxExecutor(Vendors vendors, JsonMapper json) {
        var calls = vendors.calls(AwxExecutor.TYPE);
        return new AwxExecutor(new Awx(calls, json), calls);
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
