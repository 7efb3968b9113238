package io.passerelle.integrationservice.github.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.tracing.Span;
import io.passerelle.integrationservice.github.AttemptReview;
import io.passerelle.integrationservice.github.ReviewClaim;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.integrationservice.github.port.ReviewSender;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued reviews as the deploy dispatcher sends deployments, on the platform's {@link ClaimingWorker}:
 * woken right after the commit of a decision, otherwise polling; due reviews claimed in a short transaction (leased,
 * {@code FOR UPDATE SKIP LOCKED}: instances run side by side); each call on its own virtual thread outside any
 * transaction, at most {@code concurrency} at once; each outcome recorded in a second short transaction, fenced by
 * the lease. Each call
 * runs in a span ({@code review <gate>}) of the trace the decision was handled in.
 */
public class ReviewWorker implements ReviewSender, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReviewWorker.class);
    private final AttemptReview attempt;
    private final TransactionTemplate tx;
    private final TraceCarrier traces;
    private final ClaimingWorker<ReviewClaim> worker;

    public ReviewWorker(ProtectionRequests requests, AttemptReview attempt, TransactionTemplate tx, Clock clock,
            TraceCarrier traces, Duration lease, Duration pollInterval, int concurrency, Duration drainTimeout) {
        this.attempt = attempt;
        this.tx = tx;
        this.traces = traces;
        this.worker = new ClaimingWorker<>("github-reviewer", new ClaimingWorker.Claims<>() {
            @Override
            public List<ReviewClaim> claim(int max) {
                return requests.claim(max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return requests.nextDue();
            }
        }, this::send, tx, clock, concurrency, pollInterval, drainTimeout);
    }

    @Override
    public void sendAfterCommit() {
        worker.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Calls in flight get {@code drainTimeout} to finish; one cut short is sent again once its lease expires. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
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
