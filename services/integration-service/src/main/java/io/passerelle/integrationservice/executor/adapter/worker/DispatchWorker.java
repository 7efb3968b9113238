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
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the dispatch outbox on the platform's {@link ClaimingWorker}: due rows claimed in a short transaction (leased,
 * {@code FOR UPDATE SKIP LOCKED}: several instances run side by side), each call on its own virtual thread OUTSIDE
 * any transaction (at most {@code concurrency} at once, so one slow target does not hold up the others), each outcome
 * recorded with its event in a second short transaction. Each call and its outcome run in a span
 * ({@code deploy <service>}) of the trace the dispatch was requested in: the HTTP exchange (a child span, whose
 * {@code traceparent} the target receives) and the outcome event continue the deployment's trace.
 */
public class DispatchWorker extends DeploymentWorker<Claim> implements Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);

    private final AttemptDispatch attempt;
    private final TransactionTemplate tx;

    public DispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        super("deployment-dispatcher", "deploy", new Claims<>() {
            @Override
            public List<Claim> claim(int max, Instant now) {
                return dispatches.claim(max, now, lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return dispatches.nextDue();
            }
        }, tx, clock, traces, concurrency, pollInterval, drainTimeout);
        this.attempt = attempt;
        this.tx = tx;
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
    protected Traced traced(Claim claim) {
        return new Traced(claim.deploymentId(), claim.service(), claim.trace());
    }

    @Override
    protected void work(Claim claim) {
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
