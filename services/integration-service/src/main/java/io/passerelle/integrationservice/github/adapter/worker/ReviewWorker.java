package io.passerelle.integrationservice.github.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.passerelle.integrationservice.github.AttemptReview;
import io.passerelle.integrationservice.github.ReviewClaim;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.integrationservice.github.port.ReviewSender;
import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued reviews as the deploy dispatcher sends deployments (the same pattern, on the platform's
 * {@link PollingLoop}): woken right after the commit of a decision, otherwise polling, which also picks up retries
 * that fall due and leases that expired; claims due reviews in a short transaction (leased, {@code FOR UPDATE SKIP
 * LOCKED}: instances run side by side); makes each call on its own virtual thread outside any transaction, at most
 * {@code concurrency} at once; records each outcome in a second short transaction, fenced by the lease. Each call
 * runs in a span ({@code review <gate>}) of the trace the decision was handled in.
 */
public class ReviewWorker implements ReviewSender, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReviewWorker.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(20);

    private final ProtectionRequests requests;
    private final AttemptReview attempt;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TraceCarrier traces;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration drainTimeout;
    private final Semaphore slots;
    private final PollingLoop loop;
    private volatile ExecutorService calls;

    public ReviewWorker(ProtectionRequests requests, AttemptReview attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        this.requests = requests;
        this.attempt = attempt;
        this.tx = tx;
        this.clock = clock;
        this.traces = traces;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.drainTimeout = drainTimeout;
        this.slots = new Semaphore(concurrency);
        this.loop = new PollingLoop("github-reviewer", pollInterval, this::round);
    }

    @Override
    public void sendAfterCommit() {
        loop.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("github-review-", 0).factory());
        loop.start();
    }

    /** Calls in flight get {@code drainTimeout} to finish; one cut short is sent again once its lease expires. */
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

    /** One round: claim what the free slots allow; go on at once while the slots were filled. */
    private Duration round() throws InterruptedException {
        int free = slots.availablePermits();
        int claimed = 0;
        if (free > 0) {
            List<ReviewClaim> due = tx.execute(status -> requests.claim(free, clock.instant(), lease));
            for (var claim : due == null ? List.<ReviewClaim>of() : due) {
                slots.acquire();
                calls.execute(() -> {
                    try {
                        send(claim);
                    } finally {
                        slots.release();
                        loop.wakeUp();
                    }
                });
                claimed++;
            }
        }
        if (free > 0 && claimed == free) {
            return Duration.ZERO;
        }
        var wait = free == 0 ? pollInterval : requests.nextDue()
                .map(due -> Duration.between(clock.instant(), due)).orElse(pollInterval);
        return wait.compareTo(pollInterval) > 0 ? pollInterval : wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    private void send(ReviewClaim claim) {
        var span = traces.start(claim.trace(), "review " + claim.gateId(), Span.Kind.CLIENT)
                .tag("gate.id", claim.gateId().toString());
        try (var scope = traces.inScope(span)) {
            var outcome = attempt.call(claim);
            var decision = tx.execute(status -> attempt.settle(claim, outcome));
            if (decision == null || decision.isEmpty()) {
                log.info("Gate {}: review {} not recorded ({}): its lease passed to another claim", claim.gateId(),
                        claim.review().state().wire(), outcome);
            } else {
                log.info("Gate {}: review {} of {} → {} → {}", claim.gateId(), claim.review().state().wire(),
                        claim.environmentName(), outcome, decision.get());
            }
        } catch (RuntimeException e) {
            log.warn("Gate {}: the review's outcome could not be recorded ({}); sent again once the lease expires",
                    claim.gateId(), e.toString());
        } finally {
            span.end();
        }
    }
}
