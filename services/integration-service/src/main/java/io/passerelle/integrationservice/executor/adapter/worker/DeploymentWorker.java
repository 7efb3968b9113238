package io.passerelle.integrationservice.executor.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.trace.TraceCarrier;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deployment's leased rows worked on the platform's {@link ClaimingWorker} (the dispatcher's calls, the watcher's
 * looks), each in a client span ({@code <verb> <service>}, tagged with the deployment) of the trace the deployment
 * was requested in: the HTTP exchanges and the events they lead to continue that trace.
 *
 * @param <C> a claimed row
 */
abstract class DeploymentWorker<C> implements SmartLifecycle {

    /** What the worker needs of a claimed row to trace its work. */
    record Traced(UUID deploymentId, String service, Map<String, String> trace) {
    }

    private final TraceCarrier traces;
    private final String verb;
    protected final ClaimingWorker<C> worker;

    /** @param claims the store's claim ({@code (max, now) → rows}) and when its next row falls due */
    DeploymentWorker(String name, String verb, Claims<C> claims, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, int concurrency, Duration pollInterval, Duration drainTimeout) {
        this.traces = traces;
        this.verb = verb;
        this.worker = new ClaimingWorker<>(name, new ClaimingWorker.Claims<>() {
            @Override
            public List<C> claim(int max) {
                return claims.claim(max, clock.instant());
            }

            @Override
            public Optional<Instant> nextDue() {
                return claims.nextDue();
            }
        }, this::inSpan, tx, clock, concurrency, pollInterval, drainTimeout);
    }

    /** The store's side: due rows, leased to the caller, and when the next one falls due. */
    interface Claims<C> {

        List<C> claim(int max, Instant now);

        Optional<Instant> nextDue();
    }

    protected abstract Traced traced(C claimed);

    /** The work on one claimed row, in its span; what it throws is its own to log. */
    protected abstract void work(C claimed);

    @Override
    public void start() {
        worker.start();
    }

    /** Work in flight gets {@code drainTimeout} to finish; work cut short is claimed again once its lease expires. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    private void inSpan(C claimed) {
        var traced = traced(claimed);
        var span = traces.start(traced.trace(), verb + " " + traced.service(), Span.Kind.CLIENT)
                .tag("deployment.id", traced.deploymentId().toString());
        try (var scope = traces.inScope(span)) {
            work(claimed);
        } finally {
            span.end();
        }
    }
}
