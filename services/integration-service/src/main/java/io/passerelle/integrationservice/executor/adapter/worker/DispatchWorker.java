package io.passerelle.integrationservice.executor.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.executor.AttemptDispatch;
import io.passerelle.integrationservice.executor.Claim;
import io.passerelle.integrationservice.executor.port.Dispatcher;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.micrometer.tracing.Span;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the dispatch outbox on the platform's {@link ClaimingWorker}: due rows claimed in a short transaction (leased,
 * {@code FOR UPDATE SKIP LOCKED}: several instances run side by side), each call on its own virtual thread OUTSIDE
 * any transaction (at most {@code concurrency} at once, so one slow target does not hold up the others), each outcome
 * recorded with its event in a second short transaction. Each call and its outcome run in a span
 * ({@code deploy <service>}) of the trace the dispatch was requested in: the HTTP exchange (a child span, whose
 * {@code traceparent} the target receives) and the outcome event continue the deployment's trace.
 */
public class DispatchWorker implements Dispatcher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);

    private final AttemptDispatch attempt;
    private final TransactionTemplate tx;
    private final TraceCarrier traces;
    private final ClaimingWorker<Claim> worker;

    public DispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        this.attempt = attempt;
        this.tx = tx;
        this.traces = traces;
        this.worker = new ClaimingWorker<>("deployment-dispatcher", new ClaimingWorker.Claims<>() {
            @Override
            public List<Claim> claim(int max) {
                return dispatches.claim(max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return dispatches.nextDue();
            }
        }, this::send, tx, clock, concurrency, pollInterval, drainTimeout);
    }

    public void wakeUp() {
        worker.wakeUp();
    }

    /** Wakes the worker once the current transaction has committed (before, the new row is not visible to it). */
    @Override
    public void dispatchAfterCommit() {
        worker.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Calls in flight get {@code drainTimeout} to finish; a call cut short is sent again once its lease expires. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    private void send(Claim claim) {
        var span = traces.start(claim.trace(), "deploy " + claim.service(), Span.Kind.CLIENT)
                .tag("deployment.id", claim.deploymentId().toString());
        try (var scope = traces.inScope(span)) {
            record(claim);
        } finally {
            span.end();
        }
    }

    private void record(Claim claim) {
        try {
            var outcome = attempt.call(claim);
            var decision = tx.execute(status -> attempt.settle(claim, outcome));
            if (decision == null || decision.isEmpty()) {
                log.info("Deployment {}: nothing recorded ({}): its outcome was reported meanwhile, or its lease passed"
                        + " to another claim", claim.deploymentId(), outcome);
            } else {
                log.info("Deployment {} to {}: {} → {}", claim.deploymentId(), claim.targetUrl(), outcome,
                        decision.get());
            }
        } catch (RuntimeException e) {
            log.warn("Deployment {}: the outcome could not be recorded ({}); sent again once the lease expires",
                    claim.deploymentId(), e.toString());
        }
    }
}
