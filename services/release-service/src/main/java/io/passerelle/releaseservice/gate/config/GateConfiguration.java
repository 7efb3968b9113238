package io.passerelle.releaseservice.gate.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import io.passerelle.releaseservice.gate.DecideGate;
import io.passerelle.releaseservice.gate.GateWaiters;
import io.passerelle.releaseservice.gate.OpenGate;
import io.passerelle.releaseservice.gate.ReadGate;
import io.passerelle.releaseservice.gate.ReportGateOutcome;
import io.passerelle.releaseservice.gate.adapter.callback.CallbackWorker;
import io.passerelle.releaseservice.gate.port.CallbackSender;
import io.passerelle.releaseservice.gate.port.GateCallbacks;
import io.passerelle.releaseservice.gate.port.Gates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate feature's use cases (their transactions are the controller's, or the inbox's for decisions), the waiting
 * requests of this instance ({@code passerelle.gates.max-waiters}, gauge {@code passerelle.gates.waiters}) and the
 * callback worker ({@code passerelle.gates.callbacks.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

    @Bean
    OpenGate openGate(Services services, Releases releases, Deployments deployments, Gates gates, SecretSealer sealer,
            OutboundGuard guard, Clock clock) {
        return new OpenGate(services, releases, deployments, gates, sealer, guard, clock);
    }

    @Bean
    ReadGate readGate(Gates gates) {
        return new ReadGate(gates);
    }

    @Bean
    ReportGateOutcome reportGateOutcome(Gates gates, Deployments deployments, Clock clock) {
        return new ReportGateOutcome(gates, deployments, clock);
    }

    /** The deployment feature's port for the gates of pipelines' deployments. */
    @Bean
    DecideGate decideGate(Gates gates, GateCallbacks callbacks, CallbackSender sender) {
        return new DecideGate(gates, callbacks, sender);
    }

    @Bean
    WaitThreads gateWaitThreads() {
        return new WaitThreads();
    }

    @Bean
    GateWaiters gateWaiters(Gates gates, GateProperties properties, MeterRegistry meters, WaitThreads threads) {
        var waiters = new GateWaiters(gates, properties.maxWaiters(), threads.timer, threads.readers);
        Gauge.builder("passerelle.gates.waiters", waiters, GateWaiters::waiting)
                .description("Requests of this instance waiting for a gate decision (long-polls)")
                .register(meters);
        return waiters;
    }

    /**
     * The threads of waiting requests, closed with the context: one daemon timer that only ends waits, and virtual
     * threads that read gates and answer. Not beans of their own: an Executor bean would replace Boot's task executor.
     */
    static final class WaitThreads implements AutoCloseable {

        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gate-wait-timer").daemon().factory());
        final ExecutorService readers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("gate-reader-", 0).factory());

        @Override
        public void close() {
            timer.shutdownNow();
            readers.shutdownNow();
        }
    }

    @Bean
    CallbackWorker callbackWorker(GateCallbacks callbacks, OutboundGuard guard, SecretSealer sealer,
            TransactionTemplate tx, Clock clock, MeterRegistry meters, ObservationRegistry observations,
            GateProperties properties) {
        var c = properties.callbacks();
        return new CallbackWorker(callbacks, guard, sealer, tx, clock, meters, observations, new CallbackWorker.Settings(
                c.maxAttempts(), c.backoff(), c.maxBackoff(), c.connectTimeout(), c.readTimeout(), c.pollInterval(),
                c.lease()));
    }
}
