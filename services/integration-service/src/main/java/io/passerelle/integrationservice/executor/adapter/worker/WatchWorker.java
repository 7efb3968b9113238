package io.passerelle.integrationservice.executor.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.tracing.Span;
import io.passerelle.integrationservice.executor.Watch;
import io.passerelle.integrationservice.executor.WatchDispatch;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at started deployments whose executor watches its target, on the platform's {@link ClaimingWorker}: rows due
 * for a look claimed in a short transaction (leased, {@code FOR UPDATE SKIP LOCKED}: instances side by side, each
 * look once; durable, since the next look is a column), the vendor asked outside any transaction, where it stands
 * recorded in a second short transaction (fenced by the lease). Nobody looks after a deployment's deadline:
 * release-service's timeout fails it. Each look runs in a span ({@code watch <service>}) of the deployment's trace.
 */
public class WatchWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchWorker.class);

    private final WatchDispatch watch;
    private final TransactionTemplate tx;
    private final TraceCarrier traces;
    private final ClaimingWorker<Watch> worker;

    public WatchWorker(Dispatches dispatches, WatchDispatch watch, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        this.watch = watch;
        this.tx = tx;
        this.traces = traces;
        this.worker = new ClaimingWorker<>("deployment-watcher", new ClaimingWorker.Claims<>() {
            @Override
            public List<Watch> claim(int max) {
                return dispatches.claimWatches(max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return dispatches.nextWatchDue();
            }
        }, this::look, tx, clock, concurrency, pollInterval, drainTimeout);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    private void look(Watch claimed) {
        var span = traces.start(claimed.trace(), "watch " + claimed.service(), Span.Kind.CLIENT)
                .tag("deployment.id", claimed.deploymentId().toString());
        try (var scope = traces.inScope(span)) {
            var observed = watch.look(claimed);
            var result = tx.execute(status -> watch.settle(claimed, observed));
            log.info("Deployment {} at {} ({}): {} → {}", claimed.deploymentId(), claimed.target().url(),
                    claimed.target().type(), observed, result);
        } catch (RuntimeException e) {
            log.warn("Deployment {}: the look could not be recorded ({}); looked at again once the lease expires",
                    claimed.deploymentId(), e.toString());
        } finally {
            span.end();
        }
    }
}
