package io.passerelle.platform.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The claiming loop without a database: claims no more than its free slots, calls each row once, survives a throw. */
class ClaimingWorkerTest {

    /** Transactions that do nothing: the rows are in memory. */
    static final TransactionTemplate NO_TX = new TransactionTemplate(new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    });

    @Test
    void every_row_is_called_once_never_more_at_once_than_the_slots_and_a_throwing_call_does_not_stop_the_loop() {
        var rows = new ConcurrentLinkedQueue<Integer>();
        for (int i = 0; i < 40; i++) {
            rows.add(i);
        }
        var largestClaim = new AtomicInteger();
        var inFlight = new AtomicInteger();
        var mostInFlight = new AtomicInteger();
        var called = new ConcurrentLinkedQueue<Integer>();
        var worker = new ClaimingWorker<Integer>("test-worker", new ClaimingWorker.Claims<>() {
            @Override
            public List<Integer> claim(int max) {
                largestClaim.accumulateAndGet(max, Math::max);
                var claimed = new ArrayList<Integer>();
                for (Integer row; claimed.size() < max && (row = rows.poll()) != null; ) {
                    claimed.add(row);
                }
                return claimed;
            }

            @Override
            public Optional<Instant> nextDue() {
                return Optional.empty();
            }
        }, row -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                called.add(row);
                if (row % 10 == 0) {
                    throw new IllegalStateException("boom " + row);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }, NO_TX, Clock.systemUTC(), 4, Duration.ofMillis(200), Duration.ofSeconds(2));

        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> called.size() == 40);
        } finally {
            worker.stop();
        }

        assertThat(called).hasSize(40).doesNotHaveDuplicates();
        assertThat(largestClaim.get()).as("never claims more than the free slots").isLessThanOrEqualTo(4);
        assertThat(mostInFlight.get()).as("never more calls at once than the slots").isLessThanOrEqualTo(4);
        assertThat(worker.isRunning()).isFalse();
    }
}
