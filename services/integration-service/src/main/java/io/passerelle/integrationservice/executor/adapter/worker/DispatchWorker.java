package io.passerelle.integrationservice.executor.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.passerelle.integrationservice.executor.AttemptDispatch;
import io.passerelle.integrationservice.executor.Claim;
import io.passerelle.integrationservice.executor.port.Dispatcher;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.micrometer.tracing.Span;
import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the dispatch outbox, like the platform's {@code OutboxRelay} sends the event outbox: one platform thread per
 * instance, woken right after the commit of a new request (and when a call ends), otherwise polling, which also
 * picks up retries that fall due and leases that expired. It claims due rows in a short transaction (leased,
 * {@code FOR UPDATE SKIP LOCKED}: several instances run side by side), makes each call on its own virtual thread
 * OUTSIDE any transaction (at most {@code concurrency} at once, so one slow target does not hold up the others), and
 * records each outcome with its event in a second short transaction. Each call and its outcome run in a span
 * ({@code deploy <service>}) of the trace the dispatch was requested in: the HTTP exchange (a child span, whose
 * {@code traceparent} the target receives) and the outcome event continue the deployment's trace.
 */
public class DispatchWorker implements Dispatcher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(20);

    private final Dispatches dispatches;
    private final AttemptDispatch attempt;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration drainTimeout;
    private final Semaphore slots;
    private final PollingLoop loop;
    private final TraceCarrier traces;
    private volatile ExecutorService calls;

    public DispatchWorker(Dispatches dispatches, AttemptDispatch attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        this.dispatches = dispatches;
        this.traces = traces;
        this.attempt = attempt;
        this.tx = tx;
        this.clock = clock;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.drainTimeout = drainTimeout;
        this.slots = new Semaphore(concurrency);
        this.loop = new PollingLoop("deployment-dispatcher", pollInterval, this::round);
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Wakes the worker once the current transaction has committed (before, the new row is not visible to it). */
    @Override
    public void dispatchAfterCommit() {
        loop.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("deployment-dispatch-", 0).factory());
        loop.start();
    }

    /** Calls in flight get {@code drainTimeout} to finish; a call cut short is sent again once its lease expires. */
    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(10));
        calls.shutdown();
        try {
            if (!calls.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                calls.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** One round: claim what the free call slots allow; go on at once while the slots were filled. */
    private Duration round() throws InterruptedException {
        int free = slots.availablePermits();
        int claimed = free == 0 ? 0 : dispatchOnce(free);
        return free > 0 && claimed == free ? Duration.ZERO : Duration.ofMillis(waitMillis(free));
    }

    /** Claims up to {@code limit} due dispatches and starts their calls; returns how many it claimed. */
    private int dispatchOnce(int limit) throws InterruptedException {
        List<Claim> claimed = tx.execute(status -> dispatches.claim(limit, clock.instant(), lease));
        if (claimed == null) {
            return 0;
        }
        for (var claim : claimed) {
            slots.acquire();
            calls.execute(() -> {
                try {
                    send(claim);
                } finally {
                    slots.release();
                    wakeUp();
                }
            });
        }
        return claimed.size();
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

    /** Until the next retry or lease expiry falls due, at most the poll interval (a new request wakes it sooner). */
    private long waitMillis(int free) {
        if (free == 0) {
            return pollInterval.toMillis();
        }
        var wait = dispatches.nextDue().map(due -> Duration.between(clock.instant(), due)).orElse(pollInterval);
        if (wait.compareTo(pollInterval) > 0) {
            wait = pollInterval;
        }
        return Math.max(wait.toMillis(), MIN_WAIT.toMillis());
    }
}
