package io.passerelle.platform.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a table of leased outgoing calls (deploy calls, GitHub reviews, gate callbacks) the one way Passerelle does:
 * a {@link PollingLoop} woken right after the commit of new work (and when a call ends), otherwise polling, which
 * also picks up retries that fall due and leases that expired. Each round claims, in a short transaction, as many due
 * rows as there are free call slots (the store leases them, {@code FOR UPDATE SKIP LOCKED}, so instances run side by
 * side), and makes each call on its own virtual thread outside any transaction, at most {@code concurrency} at once,
 * so one slow receiver does not hold up the others. Recording a call's outcome is the call's own business (its second
 * short transaction, fenced by the lease). When the slots were not all filled, the loop sleeps until the next row
 * falls due, at most the poll interval.
 *
 * @param <C> a claimed row
 */
public final class ClaimingWorker<C> {

    /** The leased rows, as the worker claims them. */
    public interface Claims<C> {

        /** At most {@code max} due rows, leased to the caller, in its transaction. */
        List<C> claim(int max);

        /** When the next row falls due (a retry, an expiring lease), if any. */
        Optional<Instant> nextDue();
    }

    private static final Logger log = LoggerFactory.getLogger(ClaimingWorker.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(20);

    private final String name;
    private final Claims<C> claims;
    private final Consumer<C> call;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration drainTimeout;
    private final Semaphore slots;
    private final PollingLoop loop;
    private volatile ExecutorService calls;

    /**
     * @param name the loop thread's name; calls run on virtual threads {@code <name>-<n>}
     * @param call one call and the recording of its outcome; what it throws is its own to log
     * @param drainTimeout how long calls in flight may finish at stop; one cut short is claimed again once its lease
     *        expires
     */
    public ClaimingWorker(String name, Claims<C> claims, Consumer<C> call, TransactionTemplate tx, Clock clock,
            int concurrency, Duration pollInterval, Duration drainTimeout) {
        this.name = name;
        this.claims = claims;
        this.call = call;
        this.tx = tx;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.drainTimeout = drainTimeout;
        this.slots = new Semaphore(concurrency);
        this.loop = new PollingLoop(name, pollInterval, this::round);
    }

    public void start() {
        calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
        loop.start();
    }

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

    public boolean isRunning() {
        return loop.isRunning();
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Wakes the worker once the current transaction has committed (before, the new row is not visible to it). */
    public void wakeUpAfterCommit() {
        loop.wakeUpAfterCommit();
    }

    /** One round: claim what the free slots allow; go on at once while the slots were filled. */
    private Duration round() throws InterruptedException {
        int free = slots.availablePermits();
        int claimed = 0;
        if (free > 0) {
            List<C> due = tx.execute(status -> claims.claim(free));
            for (var claim : due == null ? List.<C>of() : due) {
                slots.acquire();
                calls.execute(() -> {
                    try {
                        call.accept(claim);
                    } catch (RuntimeException e) { // the call logs its own failures; this one slipped through
                        log.warn("{}: a call ended in {}; its row is claimed again once its lease expires", name,
                                e.toString());
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
        var wait = free == 0 ? pollInterval
                : claims.nextDue().map(due -> Duration.between(clock.instant(), due)).orElse(pollInterval);
        return wait.compareTo(pollInterval) > 0 ? pollInterval : wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }
}
