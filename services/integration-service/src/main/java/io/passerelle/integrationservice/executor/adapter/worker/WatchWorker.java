package io.passerelle.integrationservice.executor.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.executor.Watch;
import io.passerelle.integrationservice.executor.WatchDispatch;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at started deployments whose executor watches its target, on the platform's {@link ClaimingWorker}: rows due
 * for a look claimed in a short transaction (leased, {@code FOR UPDATE SKIP LOCKED}: instances side by side, each
 * look once; durable, since the next look is a column), the vendor asked outside any transaction, where it stands
 * recorded in a second short transaction (fenced by the lease). Nobody looks after a deployment's deadline:
 * release-service's timeout fails it. Each look runs in a span ({@code watch <service>}) of the deployment's trace.
 */
public class WatchWorker extends DeploymentWorker<Watch> {

    private static final Logger log = LoggerFactory.getLogger(WatchWorker.class);

    private final WatchDispatch watch;
    private final TransactionTemplate tx;

    public WatchWorker(Dispatches dispatches, WatchDispatch watch, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        super("deployment-watcher", "watch", new Claims<>() {
            @Override
            public List<Watch> claim(int max, Instant now) {
                return dispatches.claimWatches(max, now, lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return dispatches.nextWatchDue();
            }
        }, tx, clock, traces, concurrency, pollInterval, drainTimeout);
        this.watch = watch;
        this.tx = tx;
    }

    @Override
    protected Traced traced(Watch claimed) {
        return new Traced(claimed.deploymentId(), claimed.service(), claimed.trace());
    }

    @Override
    protected void work(Watch claimed) {
        try {
            var observed = watch.look(claimed);
            var result = tx.execute(status -> watch.settle(claimed, observed));
            log.info("Deployment {} at {} ({}): {} → {}", claimed.deploymentId(), claimed.target().url(),
                    claimed.target().type(), observed, result);
        } catch (RuntimeException e) {
            log.warn("Deployment {}: the look could not be recorded ({}); looked at again once the lease expires",
                    claimed.deploymentId(), e.toString());
        }
    }
}
